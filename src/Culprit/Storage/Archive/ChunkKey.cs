using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Culprit.Storage.Archive;

/// <summary>
/// The key layout shared by every archive backend:
/// <c>&lt;source-hash&gt;/&lt;yyyy-MM-dd&gt;/&lt;first&gt;-&lt;last&gt;_&lt;from&gt;_&lt;to&gt;.zst</c>. The key carries everything a listing needs
/// (line and time range), so an S3 listing costs no request per object; the day folder is the first entry's UTC
/// date (<c>undated</c> when no entry had a timestamp). Line numbers are zero-padded so keys sort like lines.
/// </summary>
internal static class ChunkKey
{
    public const string SourceMarker = "source.txt";
    public const string Undated = "undated";

    private const string StampFormat = "yyyyMMdd'T'HHmmss'.'fffffff'Z'";
    private const string NoStamp = "none";
    private const int HashLength = 16;

    /// <summary>First 16 hex digits of the SHA-256 of the source name: a fixed-length, path-safe folder name.</summary>
    public static string SourceHash(string source)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(source), hash);
        return Convert.ToHexStringLower(hash[..(HashLength / 2)]);
    }

    /// <summary>Throws when the chunk cannot be stored: a programming error, not bad input.</summary>
    public static void Check(ArchiveChunk chunk)
    {
        ArgumentException.ThrowIfNullOrEmpty(chunk.Source);
        if (chunk.FirstLine < 1 || chunk.LastLine < chunk.FirstLine)
            throw new ArgumentException($"chunk lines {chunk.FirstLine}..{chunk.LastLine} of '{chunk.Source}' are not a range of 1-based lines", nameof(chunk));
        if (chunk.From > chunk.To)
            throw new ArgumentException($"chunk of '{chunk.Source}' starts at {chunk.From:O}, after its end {chunk.To:O}", nameof(chunk));
    }

    public static string Format(ArchiveChunk chunk, ArchiveCompression compression)
    {
        var day = (chunk.From ?? chunk.To) is { } at ? at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Undated;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{SourceHash(chunk.Source)}/{day}/{chunk.FirstLine:D12}-{chunk.LastLine:D12}_{Stamp(chunk.From)}_{Stamp(chunk.To)}.{Extension(compression)}");
    }

    public static string Extension(ArchiveCompression compression) => compression == ArchiveCompression.Gzip ? "gz" : "zst";

    /// <summary>Reads a key made by <see cref="Format"/>; false for anything else (temporary files, markers, foreign objects).</summary>
    public static bool TryParse(string key, out ChunkName name)
    {
        name = default;
        var parts = key.Split('/');
        if (parts.Length != 3 || !IsHash(parts[0]) || !IsDay(parts[1]))
            return false;

        var file = parts[2];
        ArchiveCompression compression;
        if (file.EndsWith(".zst", StringComparison.Ordinal))
            compression = ArchiveCompression.Zstd;
        else if (file.EndsWith(".gz", StringComparison.Ordinal))
            compression = ArchiveCompression.Gzip;
        else
            return false;

        var fields = file[..file.LastIndexOf('.')].Split('_');
        if (fields.Length != 3)
            return false;
        var dash = fields[0].IndexOf('-', StringComparison.Ordinal);
        if (dash < 0
            || !TryLine(fields[0][..dash], out var first)
            || !TryLine(fields[0][(dash + 1)..], out var last)
            || last < first
            || !TryStamp(fields[1], out var from)
            || !TryStamp(fields[2], out var to))
            return false;

        name = new ChunkName(parts[0], first, last, from, to, compression);
        return true;
    }

    public static bool IsHash(ReadOnlySpan<char> text)
    {
        if (text.Length != HashLength)
            return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
                return false;
        }

        return true;
    }

    private static bool IsDay(string text) =>
        text == Undated || DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static string Stamp(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture) : NoStamp;

    private static bool TryLine(string text, out long line) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out line) && line >= 1;

    private static bool TryStamp(string text, out DateTimeOffset? at)
    {
        at = null;
        if (text == NoStamp)
            return true;
        if (!DateTimeOffset.TryParseExact(text, StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
            return false;
        at = value;
        return true;
    }
}
