using System.Diagnostics.CodeAnalysis;

namespace Culprit.Storage.Archive;

/// <summary>
/// A bucket and key prefix, written <c>s3://bucket/prefix</c>. The prefix is empty or ends with <c>/</c>, so chunk keys
/// sit in a folder of their own whatever the user typed.
/// </summary>
public sealed record S3Location(string Bucket, string Prefix)
{
    public override string ToString() => Prefix.Length == 0 ? $"s3://{Bucket}" : $"s3://{Bucket}/{Prefix.TrimEnd('/')}";

    /// <summary>Parses <c>s3://bucket[/prefix]</c>; false with the reason for anything else.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out S3Location? location, [NotNullWhen(false)] out string? error)
    {
        location = null;
        const string scheme = "s3://";
        if (string.IsNullOrWhiteSpace(text) || !text.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            error = $"'{text}' is not an S3 URL (s3://bucket/prefix)";
            return false;
        }

        var rest = text[scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? "" : rest[(slash + 1)..].Trim('/');
        if (BucketProblem(bucket) is { } problem)
        {
            error = $"'{text}': {problem}";
            return false;
        }

        if (prefix.Contains("//", StringComparison.Ordinal) || prefix.Length > 512)
        {
            error = $"'{text}': the prefix must be at most 512 characters without empty folders";
            return false;
        }

        location = new S3Location(bucket, prefix.Length == 0 ? "" : prefix + "/");
        error = null;
        return true;
    }

    public static S3Location Parse(string text) =>
        TryParse(text, out var location, out var error) ? location : throw new FormatException(error);

    private static string? BucketProblem(string bucket)
    {
        if (bucket.Length is < 3 or > 63)
            return "a bucket name has 3 to 63 characters";
        foreach (var c in bucket)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c is not '.' and not '-')
                return $"bucket name '{bucket}' may hold only lowercase letters, digits, '.' and '-'";
        }

        if (!char.IsAsciiLetterOrDigit(bucket[0]) || !char.IsAsciiLetterOrDigit(bucket[^1]))
            return $"bucket name '{bucket}' must start and end with a letter or digit";
        return null;
    }
}
