using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace Culprit.Storage.Archive;

/// <summary>Builds the S3 client from the options, falling back to the usual AWS environment variables.</summary>
internal static class S3Clients
{
    public const string DefaultRegion = "us-east-1";

    /// <summary>The endpoint the client talks to: the option, then <c>AWS_ENDPOINT_URL_S3</c>, then <c>AWS_ENDPOINT_URL</c>; null for AWS itself.</summary>
    public static Uri? Endpoint(S3ArchiveOptions options, Func<string, string?> environment)
    {
        if (options.ServiceUrl is { } endpoint)
            return endpoint;
        var text = Variable(environment, "AWS_ENDPOINT_URL_S3") ?? Variable(environment, "AWS_ENDPOINT_URL");
        return text is not null && Uri.TryCreate(text, UriKind.Absolute, out var fromEnvironment) ? fromEnvironment : null;
    }

    public static string Region(S3ArchiveOptions options, Func<string, string?> environment) =>
        options.Region ?? Variable(environment, "AWS_REGION") ?? Variable(environment, "AWS_DEFAULT_REGION") ?? DefaultRegion;

    public static AmazonS3Client Create(S3ArchiveOptions options, Uri? endpoint, Func<string, string?> environment)
    {
        var region = Region(options, environment);
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle ?? endpoint is not null,
            Timeout = options.Timeout,
            ConnectTimeout = TimeSpan.FromSeconds(Math.Min(10, options.Timeout.TotalSeconds)),
            MaxErrorRetry = options.MaxRetries,

            // Checksums only where S3 requires them: many S3-compatible stores reject the newer trailing checksums,
            // and every chunk carries its own (zstd, gzip).
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (endpoint is not null)
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        var credentials = Credentials(options, environment);
        return credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
    }

    private static AWSCredentials? Credentials(S3ArchiveOptions options, Func<string, string?> environment)
    {
        var access = options.AccessKey ?? Variable(environment, "AWS_ACCESS_KEY_ID");
        var secret = options.AccessKey is not null ? options.SecretKey : Variable(environment, "AWS_SECRET_ACCESS_KEY");
        if (access is null || secret is null)
            return null;
        var token = options.AccessKey is not null ? options.SessionToken : Variable(environment, "AWS_SESSION_TOKEN");
        return token is null ? new BasicAWSCredentials(access, secret) : new SessionAWSCredentials(access, secret, token);
    }

    private static string? Variable(Func<string, string?> environment, string name) =>
        environment(name) is { Length: > 0 } value ? value : null;
}
