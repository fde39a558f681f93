using System.Security.Cryptography;
using System.Text;

namespace Culprit.Code.Index;

/// <summary>
/// The stable id of a repository: a hash of its location, written so that the same repository gets the same id
/// however it is spelt — a folder with or without a trailing '/', a URL with or without <c>.git</c>, any case of host.
/// </summary>
public static class RepositoryIds
{
    public static string For(string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        var normal = Normalize(location.Trim());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normal)))[..16];
    }

    internal static string Normalize(string location)
    {
        // scp-like git addresses: git@github.com:acme/api.git
        var at = location.IndexOf('@', StringComparison.Ordinal);
        var colon = location.IndexOf(':', StringComparison.Ordinal);
        if (at > 0 && colon > at && !location.Contains("://", StringComparison.Ordinal))
            return Normalize($"ssh://{location[..colon]}/{location[(colon + 1)..].TrimStart('/')}");

        if (Uri.TryCreate(location, UriKind.Absolute, out var uri) && !uri.IsFile && !string.IsNullOrEmpty(uri.Host))
        {
            var path = uri.AbsolutePath.TrimEnd('/');
            if (path.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
                path = path[..^4];
            return $"{uri.Host.ToLowerInvariant()}{path}";
        }

        var full = Path.GetFullPath(location).Replace('\\', '/').TrimEnd('/');
        return full.Length == 0 ? "/" : full;
    }
}
