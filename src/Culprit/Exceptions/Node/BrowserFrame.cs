using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>
/// Reads one Firefox / Safari frame line: <c>NAME@LOC</c> (function null when NAME is empty) or a bare
/// location such as <c>[native code]</c>.
/// </summary>
internal static class BrowserFrame
{
    /// <param name="line">The whole line.</param>
    /// <param name="allowBareLocation">Whether a line without <c>@</c> may be a location-only frame.</param>
    /// <param name="frame">The frame read.</param>
    public static bool TryParse(string line, bool allowBareLocation, out Frame frame)
    {
        frame = null!;
        var s = line.AsSpan().Trim();
        if (s.IsEmpty)
            return false;

        var at = s.IndexOf('@');
        if (at < 0)
        {
            if (!allowBareLocation)
                return false;
            if (s is "[native code]")
            {
                frame = new Frame { File = s.ToString(), Raw = line };
                return true;
            }

            if (s.ContainsAny(' ', '\t') || !LooksLikeFile(s) || !NodeLocation.TrySplit(s, columnOptional: true, out var bareFile, out var bareLine, out var bareColumn))
                return false;
            frame = new Frame { File = bareFile, Line = bareLine, Column = bareColumn, Raw = line };
            return true;
        }

        var name = s[..at];
        var location = s[(at + 1)..];
        if (!IsName(name) || !LooksLikeFile(location))
            return false;
        if (location is "[native code]")
        {
            frame = new Frame { Function = NullIfEmpty(name), File = location.ToString(), Raw = line };
            return true;
        }

        // Firefox eval frames read "file line 3 > eval:1:2"; any other space means this is prose.
        if (location.Contains(' ') && !location.Contains(" > ", StringComparison.Ordinal))
            return false;
        if (!NodeLocation.TrySplit(location, columnOptional: true, out var file, out var lineNumber, out var column))
            return false;
        frame = new Frame { Function = NullIfEmpty(name), File = file, Line = lineNumber, Column = column, Raw = line };
        return true;
    }

    private static string? NullIfEmpty(ReadOnlySpan<char> name) => name.IsEmpty ? null : name.ToString();

    /// <summary>
    /// A browser function name has no spaces, except Safari's <c>global code</c> / <c>eval code</c> and
    /// Firefox's async markers (<c>promise callback*name</c>).
    /// </summary>
    private static bool IsName(ReadOnlySpan<char> name)
    {
        if (!name.ContainsAny(' ', '\t'))
            return true;
        return name.EndsWith(" code", StringComparison.Ordinal) || name.Contains('*');
    }

    private static bool LooksLikeFile(ReadOnlySpan<char> location) =>
        location is "[native code]" || location.Contains('/') || location.Contains('\\') || location.Contains('.');
}
