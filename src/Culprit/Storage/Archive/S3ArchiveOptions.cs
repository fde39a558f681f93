using System.ComponentModel.DataAnnotations;

namespace Culprit.Storage.Archive;

/// <summary>
/// Where the S3 archive lives and how to reach it. Every setting left empty falls back to the usual AWS environment
/// variables (<c>AWS_ENDPOINT_URL_S3</c>/<c>AWS_ENDPOINT_URL</c>, <c>AWS_REGION</c>/<c>AWS_DEFAULT_REGION</c>,
/// <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c>, <c>AWS_SESSION_TOKEN</c>), then to the SDK's own
/// credential chain (profiles, instance roles).
/// </summary>
public sealed class S3ArchiveOptions
{
    /// <summary>The archive: <c>s3://bucket/prefix</c> (required).</summary>
    public string Url { get; set; } = "";

    /// <summary>Endpoint of an S3-compatible store (MinIO, Ceph, moto, R2 …), e.g. <c>http://127.0.0.1:9000</c>; null for AWS.</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>Region to sign with (default us-east-1).</summary>
    public string? Region { get; set; }

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    public string? SessionToken { get; set; }

    /// <summary>Path-style addressing (<c>endpoint/bucket/key</c>); null means on for a custom endpoint, off for AWS.</summary>
    public bool? ForcePathStyle { get; set; }

    /// <summary>Time allowed for one request (default 60 s); a chunk of several MB must fit in it.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries of a failed request, with the SDK's backoff (default 3).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Throws one <see cref="ValidationException"/> naming every problem.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (!S3Location.TryParse(Url, out _, out var error))
            problems.Add(error);
        if (ServiceUrl is { } endpoint && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
            problems.Add($"S3 endpoint '{endpoint}' is not an http(s) URL");
        if ((AccessKey is null) != (SecretKey is null))
            problems.Add("S3 access key and secret key are given together or not at all");
        if (Timeout <= TimeSpan.Zero)
            problems.Add("S3 timeout must be positive");
        if (MaxRetries is < 0 or > 10)
            problems.Add("S3 retries must be 0 to 10");
        if (problems.Count > 0)
            throw new ValidationException(string.Join("; ", problems));
    }
}
