using System.Buffers;
using System.Globalization;
using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>
/// Reads one .NET frame line: <c>at Q(params)[ in PATH:line N]</c>, and Mono's
/// <c>at Q (params) [0x...] in FILE:N</c>. Strict on purpose: the parentheses must hold a parameter list
/// (<c>Type name</c> items), so Java's <c>(File.java:12)</c> / <c>(Native Method)</c> and Node's
/// <c>(file.js:1:2)</c> are not taken.
/// </summary>
internal static class DotNetFrameLine
{
    private static readonly SearchValues<char> NotInName = SearchValues.Create(" \t/\\:()\"'");
    private static readonly SearchValues<char> NotInParameters = SearchValues.Create(":/\\@\"'");

    /// <summary>Parses <paramref name="line"/> (leading indentation allowed); false when it is not a .NET frame.</summary>
    public static bool TryParse(ReadOnlySpan<char> line, out Frame? frame)
    {
        frame = null;
        var s = line.Trim(" \t");
        if (s.Length < 6 || s[0] != 'a' || s[1] != 't' || s[2] != ' ')
            return false;
        s = s[3..];

        // Mono marshalling frames: "at (wrapper managed-to-native) Type.Method (object,int)".
        var wrapper = false;
        if (s.StartsWith("(wrapper ", StringComparison.Ordinal))
        {
            var close = s.IndexOf(") ", StringComparison.Ordinal);
            if (close < 0)
                return false;
            s = s[(close + 2)..];
            wrapper = true;
        }

        var open = s.IndexOf('(');
        if (open <= 0)
            return false;
        var name = s[..open];
        if (name[^1] == ' ')
            name = name[..^1];
        if (name.IsEmpty || name.ContainsAny(NotInName) || char.IsAsciiDigit(name[0]))
            return false;

        var end = MatchingParenthesis(s, open);
        if (end < 0)
            return false;
        var parameters = s[(open + 1)..end];
        var tail = s[(end + 1)..];

        var offset = SkipOffset(ref tail);
        if (offset < 0)
            return false;

        string? file = null;
        int? lineNumber = null;
        if (!tail.IsEmpty)
        {
            if (!tail.StartsWith(" in ", StringComparison.Ordinal))
                return false;
            ParseLocation(tail[4..], out file, out lineNumber);
        }

        if (!ParametersLookRight(parameters, typesOnly: wrapper || offset > 0))
            return false;

        var (module, function) = DotNetNames.Split(name);
        frame = new Frame { Module = module, Function = function, File = file, Line = lineNumber, Raw = line.ToString() };
        return true;
    }

    /// <summary>Cheap test used while scanning: the line looks like any runtime's "at ..." frame.</summary>
    public static bool StartsLikeFrame(ReadOnlySpan<char> line)
    {
        var s = line.TrimStart(" \t");
        return s.Length > 3 && s[0] == 'a' && s[1] == 't' && s[2] == ' ';
    }

    private static int MatchingParenthesis(ReadOnlySpan<char> s, int open)
    {
        var depth = 0;
        for (var i = open; i < s.Length; i++)
        {
            if (s[i] == '(')
            {
                depth++;
            }
            else if (s[i] == ')')
            {
                depth--;
                if (depth == 0)
                    return i;
            }
        }

        return -1;
    }

    /// <summary>Skips Mono's IL/native offset (<c> [0x0001f]</c>, <c> &lt;0x00123&gt;</c>) or NativeAOT's <c> + 0x2a</c>.
    /// Returns 1 when one was skipped, 0 when none, -1 when malformed.</summary>
    private static int SkipOffset(ref ReadOnlySpan<char> tail)
    {
        if (tail.StartsWith(" [0x", StringComparison.Ordinal))
            return SkipTo(ref tail, ']');
        if (tail.StartsWith(" <0x", StringComparison.Ordinal) || tail.StartsWith(" <IL ", StringComparison.Ordinal))
            return SkipTo(ref tail, '>');
        if (tail.StartsWith(" + 0x", StringComparison.Ordinal))
        {
            var i = 5;
            while (i < tail.Length && char.IsAsciiHexDigit(tail[i]))
                i++;
            if (i == 5)
                return -1;
            tail = tail[i..];
            return 1;
        }

        return 0;
    }

    private static int SkipTo(ref ReadOnlySpan<char> tail, char close)
    {
        var end = tail.IndexOf(close);
        if (end < 0)
            return -1;
        tail = tail[(end + 1)..];
        return 1;
    }

    /// <summary><c>PATH:line N</c> (the word is localised), Mono's <c>FILE:N</c>, <c>&lt;filename unknown&gt;:0</c>, or a bare path.</summary>
    private static void ParseLocation(ReadOnlySpan<char> location, out string? file, out int? line)
    {
        location = location.Trim();
        file = null;
        line = null;
        var colon = location.LastIndexOf(':');
        if (colon > 0)
        {
            var after = location[(colon + 1)..];
            var space = after.LastIndexOf(' ');
            var digits = after[(space + 1)..];
            if ((space < 0 || IsWord(after[..space]))
                && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                var path = location[..colon];
                if (path.SequenceEqual("<filename unknown>"))
                    return;
                file = path.ToString();
                line = number;
                return;
            }
        }

        if (!location.IsEmpty)
            file = location.ToString();
    }

    private static bool IsWord(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
            return false;
        foreach (var c in s)
        {
            if (!char.IsLetter(c))
                return false;
        }

        return true;
    }

    /// <summary>
    /// Empty, or comma-separated <c>Type name</c> items (the name may be empty: <c>Closure , Object </c>). Mono
    /// wrapper and offset frames may list types alone.
    /// </summary>
    private static bool ParametersLookRight(ReadOnlySpan<char> parameters, bool typesOnly)
    {
        if (parameters.Trim().IsEmpty)
            return true;
        if (parameters.ContainsAny(NotInParameters))
            return false;
        if (parameters.SequenceEqual("Native Method") || parameters.SequenceEqual("Unknown Source") || parameters.SequenceEqual("Compiled Code"))
            return false;

        var depth = 0;
        var itemStart = 0;
        for (var i = 0; i <= parameters.Length; i++)
        {
            if (i < parameters.Length)
            {
                var c = parameters[i];
                if (c is '[' or '<' or '(')
                    depth++;
                else if (c is ']' or '>' or ')')
                    depth--;
                if (c != ',' || depth != 0)
                    continue;
            }

            if (!ItemLooksRight(parameters[itemStart..i], typesOnly))
                return false;
            itemStart = i + 1;
        }

        return depth == 0;
    }

    private static bool ItemLooksRight(ReadOnlySpan<char> item, bool typesOnly)
    {
        item = item.TrimStart(' ');
        if (item.IsEmpty)
            return false;
        var space = item.LastIndexOf(' ');
        if (space < 0)
            return typesOnly;
        if (space == 0)
            return false;
        foreach (var c in item[(space + 1)..])
        {
            if (!char.IsLetterOrDigit(c) && c != '_')
                return false;
        }

        return true;
    }
}
