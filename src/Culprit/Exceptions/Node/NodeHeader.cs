namespace Culprit.Exceptions;

/// <summary>
/// A JavaScript error header found in a line: <c>Type: message</c>, <c>Type [CODE]: message</c>, a bare
/// <c>Type</c>, or util.inspect's bracket form <c>[Type: message]</c> (optionally opening a <c>{ ... }</c> block).
/// </summary>
/// <param name="TypeStart">Index of the type's first character in the line.</param>
/// <param name="Type">The type as printed, with a Node error code (<c>TypeError [ERR_X]</c>) kept.</param>
/// <param name="Message">The first message line; empty when the type is printed alone.</param>
/// <param name="Bracketed">The <c>[Type: message]</c> form, which Node prints for errors without frames.</param>
/// <param name="BlockDepth">Braces left open on the header line after a bracket form (<c>] {</c> gives 1).</param>
/// <param name="InspectBrace">Old util.inspect form <c>{ Type: message</c>: properties follow the frames up to a closing <c>}</c>.</param>
internal readonly record struct NodeHeader(int TypeStart, string Type, string Message, bool Bracketed, int BlockDepth, bool InspectBrace)
{
    /// <summary>
    /// Finds the header in <paramref name="line"/> from <paramref name="from"/> on, after whatever prefix shares
    /// the line. The first type that looks like an error (<c>...Error</c>, <c>...Exception</c>) wins, so process
    /// prefixes such as <c>(node:1) UnhandledPromiseRejectionWarning: </c> are skipped; failing that, the first
    /// PascalCase type.
    /// </summary>
    public static bool TryFind(string line, int from, out NodeHeader header)
    {
        header = default;
        var hasFallback = false;
        var fallbackIsWarning = false;
        var i = from;
        while (i < line.Length)
        {
            if (!IsTypeStart(line[i]) || (i > from && !IsBoundary(line[i - 1])))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < line.Length && IsTypeChar(line[end]))
                end++;
            if (TryCandidate(line, i, end, out var candidate))
            {
                var name = BaseName(candidate.Type);
                if (IsErrorName(name))
                {
                    header = candidate;
                    return true;
                }

                var warning = name.EndsWith("Warning", StringComparison.Ordinal);
                if (IsPascalCase(name) && (!hasFallback || (fallbackIsWarning && !warning)))
                {
                    header = candidate;
                    hasFallback = true;
                    fallbackIsWarning = warning;
                }
            }

            i = end;
        }

        return hasFallback;
    }

    /// <summary>Reads a header that starts exactly at <paramref name="start"/> (after <c>[cause]: </c>), bracket form included.</summary>
    public static bool TryReadAt(string line, int start, out NodeHeader header)
    {
        header = default;
        if (start < line.Length && line[start] == '[')
            start++;
        if (start >= line.Length || !IsTypeStart(line[start]))
            return false;
        var end = start;
        while (end < line.Length && IsTypeChar(line[end]))
            end++;
        return TryCandidate(line, start, end, out header);
    }

    /// <summary>Whether the type is named like an error class.</summary>
    public bool HasErrorName => IsErrorName(BaseName(Type));

    /// <summary>True for names a JavaScript error class conventionally has.</summary>
    public static bool IsErrorName(ReadOnlySpan<char> name) =>
        name.EndsWith("Error", StringComparison.Ordinal) || name.EndsWith("Exception", StringComparison.Ordinal);

    private static bool TryCandidate(string line, int start, int end, out NodeHeader header)
    {
        header = default;
        if (line[end - 1] == '.')
            return false;
        var bracketed = start > 0 && line[start - 1] == '[';
        var typeEnd = EndOfCode(line, end);
        var type = line[start..typeEnd];
        var name = BaseName(type);
        if (bracketed)
            return TryBracketed(line, start, typeEnd, type, out header);

        string message;
        if (typeEnd == line.Length)
        {
            // A type alone on its line ("Error") only when it is clearly an error class.
            if (!IsErrorName(name))
                return false;
            message = "";
        }
        else if (line[typeEnd] != ':')
        {
            return false;
        }
        else if (typeEnd + 1 == line.Length)
        {
            message = "";
        }
        else if (line[typeEnd + 1] == ' ')
        {
            message = line[(typeEnd + 2)..];
        }
        else
        {
            return false;
        }

        var inspectBrace = start >= 2 && line[start - 1] == ' ' && line[start - 2] == '{';
        header = new NodeHeader(start, type, message, Bracketed: false, BlockDepth: 0, inspectBrace);
        return true;
    }

    private static bool TryBracketed(string line, int start, int typeEnd, string type, out NodeHeader header)
    {
        header = default;
        int messageStart;
        if (typeEnd < line.Length && line[typeEnd] == ']')
            messageStart = typeEnd;
        else if (typeEnd + 1 < line.Length && line[typeEnd] == ':' && line[typeEnd + 1] == ' ')
            messageStart = typeEnd + 2;
        else
            return false;

        // The bracket closes at the last ']' after which only an opening properties block may follow.
        for (var close = line.Length - 1; close >= messageStart; close--)
        {
            if (line[close] != ']')
                continue;
            var rest = line.AsSpan(close + 1).Trim();
            if (!rest.IsEmpty && rest[0] != '{')
                continue;
            // Log text puts plain words in brackets ("[Tomcat]"): take an error's name, and any other type only
            // with a message and an open properties block, as util.inspect prints them.
            var depth = Math.Max(InspectText.BraceBalance(rest), 0);
            var hasMessage = messageStart > typeEnd;
            var name = BaseName(type);
            if (IsErrorName(name) ? !hasMessage && depth == 0 : !(hasMessage && depth > 0))
                return false;
            header = new NodeHeader(start, type, line[messageStart..close], Bracketed: true, depth, InspectBrace: false);
            return true;
        }

        return false;
    }

    /// <summary>Includes a Node error code printed after the name: <c>TypeError [ERR_INVALID_ARG_TYPE]</c>.</summary>
    private static int EndOfCode(string line, int end)
    {
        if (end + 3 >= line.Length || line[end] != ' ' || line[end + 1] != '[')
            return end;
        var i = end + 2;
        while (i < line.Length && (char.IsAsciiLetterUpper(line[i]) || char.IsAsciiDigit(line[i]) || line[i] == '_'))
            i++;
        return i > end + 2 && i < line.Length && line[i] == ']' ? i + 1 : end;
    }

    private static ReadOnlySpan<char> BaseName(string type)
    {
        var s = type.AsSpan();
        var space = s.IndexOf(' ');
        if (space > 0)
            s = s[..space];
        var dot = s.LastIndexOf('.');
        return dot >= 0 ? s[(dot + 1)..] : s;
    }

    private static bool IsPascalCase(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || !char.IsAsciiLetterUpper(name[0]))
            return false;
        foreach (var c in name)
        {
            if (char.IsAsciiLetterLower(c))
                return true;
        }

        return false;
    }

    private static bool IsTypeStart(char c) => char.IsAsciiLetter(c) || c is '_' or '$';

    private static bool IsTypeChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' or '.';

    private static bool IsBoundary(char c) => c is ' ' or '\t' or '[' or '{';
}
