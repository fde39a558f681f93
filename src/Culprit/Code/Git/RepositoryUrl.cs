using System.Security.Cryptography;
using System.Text;

namespace Culprit.Code.Git;

/// <summary>Tells a remote URL from a local path, and names the cache folder of a URL.</summary>
internal static class RepositoryUrl
{
    public static bool IsRemote(string pathOrUrl) =>
        pathOrUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || pathOrUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || pathOrUrl.StartsWith("ssh://", StringComparison.OrdinalIgnoreCase)
        || pathOrUrl.StartsWith("git://", StringComparison.OrdinalIgnoreCase)
        || pathOrUrl.StartsWith("file://", StringComparison.OrdinalIgnoreCase)
        || IsScpLike(pathOrUrl);

    /// <summary><c>&lt;name&gt;-&lt;12 hex of SHA-256(url)&gt;</c>: readable, and distinct for two URLs ending in the same name.</summary>
    public static string CacheName(string url)
    {
        var trimmed = url.TrimEnd('/');
        if (trimmed.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
            trimmed = trimmed[..^4];
        var cut = trimmed.LastIndexOfAny(['/', ':', '\\']);
        var name = trimmed[(cut + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var c in name)
            clean.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_');
        if (clean.Length == 0 || clean.ToString().Trim('.').Length == 0)
            clean.Clear().Append("repo");
        if (clean.Length > 60)
            clean.Length = 60;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..12];
        return $"{clean}-{hash}";
    }

    /// <summary><c>git@host:owner/repo.git</c>: user@host, a colon, and no slash before the colon.</summary>
    private static bool IsScpLike(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return at > 0 && colon > at + 1 && (slash < 0 || slash > colon) && !text.Contains('\\', StringComparison.Ordinal);
    }
}
