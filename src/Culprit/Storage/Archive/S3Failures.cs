using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;

namespace Culprit.Storage.Archive;

/// <summary>Turns SDK failures into errors that say which archive, which endpoint and what to check.</summary>
internal static class S3Failures
{
    private static readonly HashSet<string> CredentialCodes = new(StringComparer.Ordinal)
    {
        "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken", "ExpiredToken", "AllAccessDisabled",
    };

    public static bool IsMissingKey(Exception e) =>
        e is AmazonS3Exception { ErrorCode: "NoSuchKey" } or AmazonS3Exception { StatusCode: HttpStatusCode.NotFound, ErrorCode: not "NoSuchBucket" };

    /// <summary>The error to throw instead of <paramref name="e"/>, or null to let it through (cancellation, programming errors).</summary>
    public static Exception? Describe(Exception e, S3Location location, Uri? endpoint, TimeSpan timeout, string action)
    {
        var where = endpoint is null ? "AWS" : endpoint.ToString().TrimEnd('/');
        switch (e)
        {
            case AmazonS3Exception { ErrorCode: "NoSuchBucket" }:
                return new ArchiveUnavailableException($"S3 archive {location}: bucket '{location.Bucket}' does not exist at {where}", e);
            case AmazonS3Exception s3 when s3.ErrorCode is { } code && CredentialCodes.Contains(code):
                return new ArchiveUnavailableException($"S3 archive {location}: {where} refused the credentials ({code}: {s3.Message})", e);
            case AmazonServiceException { InnerException: { } inner } when Unreachable(inner) is { } reason:
                return new ArchiveUnavailableException($"S3 archive {location}: cannot reach {where} ({reason})", e);
            case AmazonServiceException service when service.StatusCode != 0:
                return new IOException($"S3 archive {location}: {action} failed at {where} ({(int)service.StatusCode} {service.ErrorCode}: {service.Message})", e);
            case AmazonClientException when e is not AmazonServiceException && e.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase):
                return new ArchiveUnavailableException(
                    $"S3 archive {location}: no credentials for {where}; give an access key and secret key, set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or configure a profile or role",
                    e);
            case OperationCanceledException or TimeoutException:
                return new ArchiveUnavailableException($"S3 archive {location}: {where} did not answer within {timeout.TotalSeconds:0} s ({action})", e);
        }

        if (Unreachable(e) is { } why)
            return new ArchiveUnavailableException($"S3 archive {location}: cannot reach {where} ({why})", e);
        return e is AmazonClientException ? new IOException($"S3 archive {location}: {action} failed at {where} ({e.Message})", e) : null;
    }

    private static string? Unreachable(Exception e)
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is SocketException socket)
                return socket.Message;
            if (current is HttpRequestException http)
                return http.GetBaseException().Message;
        }

        return null;
    }
}
