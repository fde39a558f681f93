using System.Security.Cryptography;

namespace Culprit.Ingestion.Files;

/// <summary>
/// Tells whether a file is still the one a checkpoint was taken on: a hash of its first bytes (up to 4 KiB).
/// .NET has no portable inode; a content fingerprint also catches copy-truncate rotation, which keeps the inode.
/// </summary>
public static class FileIdentity
{
    public const int PrefixBytes = 4096;

    /// <summary>"length:sha256-hex" of the first bytes of the file (its raw bytes, compressed or not).</summary>
    public static string Compute(string path, int prefixBytes = PrefixBytes)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var buffer = new byte[Math.Min(prefixBytes, Math.Max(0, (int)Math.Min(file.Length, int.MaxValue)))];
        var read = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return $"{read}:{Convert.ToHexStringLower(SHA256.HashData(buffer.AsSpan(0, read)))}";
    }

    /// <summary>True when the file still starts with the bytes an identity was computed over.</summary>
    public static bool Matches(string path, string identity)
    {
        var colon = identity.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !int.TryParse(identity.AsSpan(0, colon), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length))
            return false;
        return Compute(path, length) == identity;
    }
}
