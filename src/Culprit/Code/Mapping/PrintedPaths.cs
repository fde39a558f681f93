namespace Culprit.Code.Mapping;

/// <summary>Turns a file location as a runtime printed it into a plain '/'-separated path.</summary>
public static class PrintedPaths
{
    private static readonly string[] SchemePrefixes = ["webpack-internal:///", "webpack:///", "file://", "app:///"];

    /// <summary>
    /// Drops URL schemes and hosts, query strings and fragments, webpack's <c>./</c> and <c>(app-name)/</c> parts and
    /// Windows drive letters, and turns backslashes into slashes. <c>/app/src/x.js</c> stays as it is.
    /// </summary>
    public static string Normalize(string printed)
    {
        var path = printed.Trim().Replace('\\', '/');
        foreach (var prefix in SchemePrefixes)
        {
            if (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                path = path[prefix.Length..];
                break;
            }
        }
        var scheme = path.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0 && scheme < 12)
        {
            var slash = path.IndexOf('/', scheme + 3);
            path = slash < 0 ? "" : path[slash..];
        }
        var cut = path.IndexOfAny(['?', '#']);
        if (cut >= 0)
            path = path[..cut];
        if (path.Length >= 2 && path[1] == ':' && char.IsAsciiLetter(path[0]))
            path = path[2..];
        while (path.StartsWith("./", StringComparison.Ordinal))
            path = path[2..];
        if (path.StartsWith('(') && path.IndexOf(")/", StringComparison.Ordinal) is var close and > 0)
            path = path[(close + 2)..];
        return path.Replace("/./", "/", StringComparison.Ordinal);
    }
}
