using System.Globalization;
using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>
/// Reads PHP's <c>#N FILE(LINE): CALL</c> frame lines, <c>#N [internal function]: CALL</c> and <c>#N {main}</c>.
/// </summary>
internal static class PhpFrameLine
{
    private const string Internal = "[internal function]: ";

    /// <summary>True when the line (after leading blanks) starts with <c>#N </c>.</summary>
    public static bool IsFrame(ReadOnlySpan<char> line)
    {
        var text = line.TrimStart();
        return NumberLength(text) > 0;
    }

    /// <summary>Reads a frame line; <paramref name="unescape"/> undoes JSON escapes (frames inside a JSON log field).</summary>
    public static bool TryParse(string line, bool unescape, out Frame frame)
    {
        frame = null!;
        var text = line.AsSpan().TrimStart();
        var length = NumberLength(text);
        if (length == 0)
            return false;
        var body = text[length..].TrimEnd();

        frame = new Frame { Raw = line };
        if (body.StartsWith(Internal, StringComparison.Ordinal))
        {
            ApplyCall(frame, body[Internal.Length..], unescape);
            return true;
        }

        if (body.StartsWith('{'))
        {
            // "{main}" (and anything else the engine prints in braces) is a frame without a location.
            frame.Function = body.ToString();
            return true;
        }

        var split = FindLocationEnd(body, out var lineStart, out var lineEnd);
        if (split < 0)
        {
            frame.Function = Text(body, unescape);
            return true;
        }

        frame.File = Text(body[..split], unescape);
        frame.Line = int.Parse(body[lineStart..lineEnd], NumberStyles.None, CultureInfo.InvariantCulture);
        ApplyCall(frame, body[(lineEnd + 3)..], unescape);
        return true;
    }

    /// <summary>The length of <c>#N </c> at the start of <paramref name="text"/>, or 0.</summary>
    private static int NumberLength(ReadOnlySpan<char> text)
    {
        if (text.Length < 3 || text[0] != '#')
            return 0;
        var i = 1;
        while (i < text.Length && i < 8 && char.IsAsciiDigit(text[i]))
            i++;
        return i > 1 && i < text.Length && text[i] == ' ' ? i + 1 : 0;
    }

    /// <summary>
    /// Finds the first <c>(DIGITS): </c>: the file is everything before it (eval'd code keeps its
    /// <c>file.php(12) : eval()'d code</c> file). Returns the index of the parenthesis or -1.
    /// </summary>
    private static int FindLocationEnd(ReadOnlySpan<char> body, out int lineStart, out int lineEnd)
    {
        lineStart = lineEnd = 0;
        var from = 0;
        while (from < body.Length)
        {
            var open = body[from..].IndexOf('(');
            if (open < 0)
                return -1;
            open += from;
            var end = open + 1;
            while (end < body.Length && end - open < 10 && char.IsAsciiDigit(body[end]))
                end++;
            if (end > open + 1 && end + 2 < body.Length && body[end] == ')' && body[end + 1] == ':' && body[end + 2] == ' ')
            {
                lineStart = open + 1;
                lineEnd = end;
                return open;
            }

            from = open + 1;
        }

        return -1;
    }

    /// <summary><c>Class-&gt;method(args)</c> and <c>Class::method(args)</c> give module and function; a plain call gives the function.</summary>
    private static void ApplyCall(Frame frame, ReadOnlySpan<char> call, bool unescape)
    {
        var name = call[..NameEnd(call)].Trim();
        var depth = 0;
        for (var i = 0; i + 1 < name.Length; i++)
        {
            var c = name[i];
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth--;
            }
            else if (depth == 0 && ((c == '-' && name[i + 1] == '>') || (c == ':' && name[i + 1] == ':')) && i > 0)
            {
                frame.Module = Text(name[..i], unescape);
                frame.Function = Text(name[(i + 2)..], unescape);
                return;
            }
        }

        frame.Function = name.IsEmpty ? null : Text(name, unescape);
    }

    /// <summary>The first parenthesis outside braces (PHP 8.4 closures: <c>{closure:Foo::bar():12}</c>) opens the arguments.</summary>
    private static int NameEnd(ReadOnlySpan<char> call)
    {
        var depth = 0;
        for (var i = 0; i < call.Length; i++)
        {
            switch (call[i])
            {
                case '{':
                    depth++;
                    break;
                case '}':
                    depth--;
                    break;
                case '(' when depth <= 0:
                    return i;
            }
        }

        return call.Length;
    }

    private static string Text(ReadOnlySpan<char> text, bool unescape) => unescape ? PhpText.Unescape(text) : text.ToString();
}
