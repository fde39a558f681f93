using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>
/// Reads one V8 frame line: <c>at NAME (LOC)</c>, <c>at LOC</c> or <c>at NAME</c>. Java and .NET frames
/// (<c>at a.B.c(File.java:1)</c>, <c>at A.B() in f.cs:line 1</c>) and Mono frames are refused: V8 puts a space
/// before the parenthesis and prints <c>line:column</c>.
/// </summary>
internal static class V8Frame
{
    /// <param name="line">The whole line, indentation included.</param>
    /// <param name="allowBareName">Whether <c>at NAME</c> without a location counts (not for the first frame of a trace).</param>
    /// <param name="frame">The frame read.</param>
    /// <param name="opensBlock">True when the line ends with <c> {</c>: an error-properties block follows.</param>
    public static bool TryParse(string line, bool allowBareName, out Frame frame, out bool opensBlock)
    {
        frame = null!;
        opensBlock = false;
        var s = line.AsSpan().Trim();
        if (s.Length < 4 || s[0] != 'a' || s[1] != 't' || s[2] != ' ')
            return false;
        s = s[3..].TrimStart();
        if (s.EndsWith(" {", StringComparison.Ordinal))
        {
            s = s[..^2].TrimEnd();
            opensBlock = true;
        }

        if (s.IsEmpty)
            return false;
        if (s[^1] == ')' && TryNameAndLocation(s, line, out frame))
            return true;

        var location = StripPrefixes(s);
        if (TryLocation(location, out var file, out var lineNumber, out var column))
        {
            frame = new Frame { File = file, Line = lineNumber, Column = column, Raw = line };
            return true;
        }

        if (allowBareName && IsBareName(location))
        {
            frame = new Frame { Function = CleanName(s), Raw = line };
            return true;
        }

        return false;
    }

    /// <summary>Recognises <c>... 6 lines matching cause stack trace ...</c> and reads its count.</summary>
    public static bool TryOmitted(string line, out int count)
    {
        count = 0;
        var s = line.AsSpan().Trim();
        if (!s.StartsWith("... ", StringComparison.Ordinal) || !s.EndsWith(" ...", StringComparison.Ordinal))
            return false;
        s = s[4..];
        var digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits]))
            digits++;
        if (digits == 0 || digits > 9 || !s[digits..].StartsWith(" lines matching cause stack trace", StringComparison.Ordinal))
            return false;
        count = int.Parse(s[..digits], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    private static bool TryNameAndLocation(ReadOnlySpan<char> s, string raw, out Frame frame)
    {
        frame = null!;
        var open = MatchingOpen(s);
        if (open < 2 || s[open - 1] != ' ')
            return false;
        var name = s[..(open - 1)].TrimEnd();
        if (name.IsEmpty || !TryLocation(s[(open + 1)..^1], out var file, out var line, out var column))
            return false;
        frame = new Frame { Function = CleanName(name), File = file, Line = line, Column = column, Raw = raw };
        return true;
    }

    private static bool TryLocation(ReadOnlySpan<char> text, out string? file, out int? line, out int? column)
    {
        file = null;
        line = null;
        column = null;
        if (NodeLocation.IsSpecial(text))
        {
            file = text.ToString();
            return true;
        }

        // A file has a name: "at 12:30:45" in prose is a time, not a location.
        if (!NodeLocation.TrySplit(text, columnOptional: false, out var f, out var l, out var c) || !HasNameCharacter(f))
            return false;
        file = f;
        line = l;
        column = c;
        return true;
    }

    private static bool HasNameCharacter(string file)
    {
        foreach (var c in file)
        {
            if (char.IsLetter(c) || c is '/' or '\\' or '<' or '_')
                return true;
        }

        return false;
    }

    /// <summary>Index of the <c>(</c> that matches the final <c>)</c>, or -1.</summary>
    private static int MatchingOpen(ReadOnlySpan<char> s)
    {
        var depth = 0;
        for (var i = s.Length - 1; i >= 0; i--)
        {
            if (s[i] == ')')
                depth++;
            else if (s[i] == '(' && --depth == 0)
                return i;
        }

        return -1;
    }

    /// <summary>The function name without <c>async </c> / <c>new </c> in front and <c> [as alias]</c> behind.</summary>
    internal static string CleanName(ReadOnlySpan<char> name)
    {
        name = StripPrefixes(name);
        if (name.EndsWith(']'))
        {
            var alias = name.LastIndexOf(" [as ", StringComparison.Ordinal);
            if (alias > 0)
                name = name[..alias].TrimEnd();
        }

        return name.ToString();
    }

    private static ReadOnlySpan<char> StripPrefixes(ReadOnlySpan<char> name)
    {
        while (true)
        {
            if (name.StartsWith("async ", StringComparison.Ordinal))
                name = name[6..].TrimStart();
            else if (name.StartsWith("new ", StringComparison.Ordinal))
                name = name[4..].TrimStart();
            else
                return name;
        }
    }

    /// <summary>A function name alone: identifier characters, dots and <c>&lt;anonymous&gt;</c>-style parts, no spaces or parentheses.</summary>
    private static bool IsBareName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
            return false;
        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '$' or '.' or '<' or '>'))
                return false;
        }

        return true;
    }
}
