using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using Culprit.Storage.Archive;

namespace Culprit.Tests.Storage.Archive;

/// <summary>The errors a user sees name the archive and the endpoint and say what to check (the integration tests produce the real ones).</summary>
public sealed class S3FailuresTests
{
    private static readonly S3Location Location = S3Location.Parse("s3://logs/raw");
    private static readonly Uri Endpoint = new("http://minio:9000/");

    private static Exception? Describe(Exception e) => S3Failures.Describe(e, Location, Endpoint, TimeSpan.FromSeconds(60), "listing");

    [Fact]
    public void RefusedCredentialsSayWhichStoreRefusedThem()
    {
        var error = Describe(new AmazonS3Exception("The AWS Access Key Id you provided does not exist") { ErrorCode = "InvalidAccessKeyId", StatusCode = HttpStatusCode.Forbidden });

        Assert.IsType<ArchiveUnavailableException>(error);
        Assert.Equal("S3 archive s3://logs/raw: http://minio:9000 refused the credentials (InvalidAccessKeyId: The AWS Access Key Id you provided does not exist)", error.Message);
    }

    [Fact]
    public void MissingCredentialsSayWhereToPutThem()
    {
        var error = Describe(new AmazonClientException("Failed to resolve AWS credentials. The credential providers used to search for credentials returned the following errors: …"));

        Assert.IsType<ArchiveUnavailableException>(error);
        Assert.Contains("AWS_ACCESS_KEY_ID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConnectionFailuresAndTimeoutsNameTheEndpoint()
    {
        var refused = Describe(new HttpRequestException("Connection refused (minio:9000)", new SocketException((int)SocketError.ConnectionRefused)));
        var timeout = Describe(new TimeoutException("The operation has timed out."));

        Assert.StartsWith("S3 archive s3://logs/raw: cannot reach http://minio:9000 (", refused!.Message, StringComparison.Ordinal);
        Assert.Equal("S3 archive s3://logs/raw: http://minio:9000 did not answer within 60 s (listing)", timeout!.Message);
    }

    [Fact]
    public void OtherServiceErrorsKeepTheirCodeAndProgrammingErrorsPassThrough()
    {
        var error = Describe(new AmazonS3Exception("We encountered an internal error") { ErrorCode = "InternalError", StatusCode = HttpStatusCode.InternalServerError });

        Assert.IsType<IOException>(error);
        Assert.Contains("listing failed at http://minio:9000 (500 InternalError", error.Message, StringComparison.Ordinal);
        Assert.Null(Describe(new ArgumentException("bad")));
    }
}
