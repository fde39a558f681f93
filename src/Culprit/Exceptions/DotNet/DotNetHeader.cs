namespace Culprit.Exceptions;

/// <summary>
/// Reads .NET exception headers: <c>Type[ (0x80004005)][: message]</c>, found after a log prefix on the line,
/// and the <c> ---&gt; </c> segments of an inner-exception chain.
/// </summary>
internal static class DotNetHeader
{
    private const string Arrow = " ---> ";

    /// <summary>
    /// Finds where a header's type starts on <paramref name="line"/>. A qualified type whose name ends in
    /// <c>Exception</c> is found after any prefix (<paramref name="qualified"/> true); any other type only at the
    /// start of the line, after indentation and <c>Unhandled exception. </c>.
    /// </summary>
    public static bool TryLocate(string line, out int typeStart, out bool qualified)
    {
        qualified = true;
        var from = 0;
        while (from < line.Length)
        {
            var found = line.IndexOf("Exception", from, StringComparison.Ordinal);
            if (found < 0)
                break;
            var end = found + "Exception".Length;
            from = end;
            if (end < line.Length && line[end] is not (':' or ' ' or '`'))
                continue;

            var start = found;
            while (start > 0 && IsTypeChar(line[start - 1]))
                start--;
            var type = line.AsSpan(start, end - start);
            if (IsTypeStart(line[start]) && type.IndexOfAny('.', '+') > 0 && TryReadType(line.AsSpan(start), out _))
            {
                typeStart = start;
                return true;
            }
        }

        qualified = false;
        var s = line.AsSpan().TrimStart(" \t");
        s = SkipDecoration(s);
        typeStart = line.Length - s.Length;
        return !s.IsEmpty && IsTypeStart(s[0]) && TryReadType(s, out _);
    }

    /// <summary>Reads one segment <c>Type[ (0xHRESULT)][: message]</c>; false when it is not one.</summary>
    public static bool TryParseSegment(ReadOnlySpan<char> segment, out string type, out string message)
    {
        type = "";
        message = "";
        if (segment.IsEmpty || !IsTypeStart(segment[0]) || !TryReadType(segment, out var typeLength))
            return false;

        type = segment[..TypeNameLength(segment, typeLength)].ToString();
        var rest = segment[typeLength..];
        if (rest.IsEmpty)
            return true;

        // After ':' one space separates the message; a type followed by an arrow part that is not a header
        // ("Type ---> text") keeps that text as its message.
        rest = rest[0] == ':' ? rest[1..] : rest.TrimStart(' ');
        if (!rest.IsEmpty && rest[0] == ' ')
            rest = rest[1..];
        message = rest.ToString();
        return true;
    }

    /// <summary>Index of the next <c> ---&gt; </c> in <paramref name="text"/> at or after <paramref name="from"/>, or -1.</summary>
    public static int NextArrow(ReadOnlySpan<char> text, int from)
    {
        var i = text[from..].IndexOf(Arrow, StringComparison.Ordinal);
        return i < 0 ? -1 : from + i;
    }

    public static int ArrowLength => Arrow.Length;

    /// <summary>Drops the runtime's <c>Unhandled exception. </c> (.NET Core) / <c>Unhandled Exception: </c> (.NET Framework).</summary>
    private static ReadOnlySpan<char> SkipDecoration(ReadOnlySpan<char> s)
    {
        if (s.StartsWith("Unhandled exception. ", StringComparison.Ordinal) || s.StartsWith("Unhandled Exception: ", StringComparison.Ordinal))
            return s["Unhandled exception. ".Length..];
        return s;
    }

    /// <summary>
    /// Reads the type (with generic arguments in brackets) and an optional <c> (0x...)</c> HRESULT; succeeds when
    /// the segment ends there or goes on with <c>:</c> (the message) or <c> ---&gt; </c>. <paramref name="length"/>
    /// is where the message separator (or end) is.
    /// </summary>
    private static bool TryReadType(ReadOnlySpan<char> s, out int length)
    {
        length = 0;
        var i = 0;
        var depth = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '[')
                depth++;
            else if (c == ']' && depth > 0)
                depth--;
            else if (depth == 0 && !IsTypeChar(c))
                break;
            i++;
        }

        if (depth != 0 || i == 0 || s[i - 1] == '.')
            return false;

        var rest = s[i..];
        if (rest.StartsWith(" (0x", StringComparison.Ordinal))
        {
            var close = rest.IndexOf(')');
            if (close < 0 || !IsHex(rest[4..close]))
                return false;
            i += close + 1;
            rest = s[i..];
        }

        length = i;
        return rest.IsEmpty || rest[0] == ':' || rest.StartsWith(Arrow, StringComparison.Ordinal);
    }

    /// <summary>The type without the HRESULT decoration.</summary>
    private static int TypeNameLength(ReadOnlySpan<char> s, int length)
    {
        var paren = s[..length].IndexOf(" (0x", StringComparison.Ordinal);
        return paren < 0 ? length : paren;
    }

    private static bool IsHex(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
            return false;
        foreach (var c in s)
        {
            if (!char.IsAsciiHexDigit(c))
                return false;
        }

        return true;
    }

    private static bool IsTypeStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsTypeChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '.' or '+' or '`';
}
