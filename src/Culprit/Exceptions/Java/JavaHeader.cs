namespace Culprit.Exceptions.Java;

/// <summary>
/// A JVM exception header, <c>Type</c> or <c>Type: message</c> (Throwable.toString()), found on a line.
/// </summary>
/// <param name="Type">The class name as printed.</param>
/// <param name="Message">The first message line; empty when the type was printed alone.</param>
/// <param name="MayContinue">The header starts its line (or follows <c>Exception in thread "..."</c>) and names a
/// throwable, so following lines up to the first frame are more of its message.</param>
/// <param name="StandsAlone">The line is exactly a package-qualified throwable's toString(), which is an exception
/// even without frames.</param>
internal readonly record struct JavaHeader(string Type, string Message, bool MayContinue, bool StandsAlone)
{
    private const string ThreadPrefix = "Exception in thread \"";

    /// <summary>
    /// Finds the top-level header on <paramref name="line"/>. <paramref name="bodyFollows"/> says whether the next
    /// line is a frame or chain line; only then may the header sit after a log prefix on the same line.
    /// </summary>
    public static bool TryFind(string line, bool bodyFollows, out JavaHeader header)
    {
        header = default;
        var anchor = AnchorOf(line);
        if (anchor >= 0 && TryReadAt(line, anchor, out var type, out var message))
        {
            if (JavaNames.IsThrowableName(type))
            {
                var standsAlone = JavaNames.IsPackageQualified(type);
                header = new(type, message, MayContinue: true, standsAlone);
                return true;
            }

            if (!bodyFollows)
                return false;

            // "com.example.Logger: RuntimeException: boom": the first name is a logger, not the type.
            header = TryFindAfterPrefix(line, anchor + type.Length, out var later)
                ? later
                : new(type, message, MayContinue: false, StandsAlone: false);
            return true;
        }

        return bodyFollows && TryFindAfterPrefix(line, 0, out header);
    }

    /// <summary>
    /// Reads <c>Type</c> / <c>Type: message</c> at <paramref name="pos"/>: a dotted name followed by the end of the
    /// line or by <c>: </c>. The message is the text after <c>: </c> as printed, trailing blanks aside.
    /// </summary>
    public static bool TryReadAt(string line, int pos, out string type, out string message)
    {
        type = "";
        message = "";
        var s = line.AsSpan(pos);
        var length = JavaNames.NameLength(s);
        if (length == 0)
            return false;
        var rest = s[length..];
        if (rest.IsWhiteSpace())
        {
            type = s[..length].ToString();
            return true;
        }

        if (rest[0] != ':' || (rest.Length > 1 && rest[1] != ' '))
            return false;
        type = s[..length].ToString();
        message = rest.Length > 1 ? rest[2..].TrimEnd().ToString() : "";
        return true;
    }

    /// <summary>
    /// Reads the text after <c>Caused by: </c> / <c>Suppressed: </c>. Lenient, since the label already says
    /// an exception follows: text that is not <c>Type: message</c> is split at its first <c>: </c>.
    /// </summary>
    public static (string Type, string Message) ReadLinked(string text)
    {
        if (TryReadAt(text, 0, out var type, out var message))
            return (type, message);
        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? (text, "") : (text[..colon], text[(colon + 2)..].Trim());
    }

    /// <summary>
    /// Where a header may start without a log prefix: column 0 when a name starts there, or just after
    /// <c>Exception in thread "name" </c>; -1 otherwise.
    /// </summary>
    private static int AnchorOf(string line)
    {
        if (line.StartsWith(ThreadPrefix, StringComparison.Ordinal))
        {
            var end = line.IndexOf("\" ", ThreadPrefix.Length, StringComparison.Ordinal);
            return end < 0 ? -1 : end + 2;
        }

        return line.Length > 0 && JavaNames.IsIdentifierStart(line[0]) ? 0 : -1;
    }

    /// <summary>
    /// The first throwable-named header after a log prefix: a name at a word boundary, followed by <c>: </c> or
    /// the end of the line (<c>Jul 09, 2015 3:23:29 PM com.x.MakeLog: RuntimeException: boom</c>).
    /// </summary>
    private static bool TryFindAfterPrefix(string line, int from, out JavaHeader header)
    {
        header = default;
        var i = from;
        while (i < line.Length)
        {
            if (!JavaNames.IsIdentifierStart(line[i]) || (i > 0 && !IsBoundary(line[i - 1])))
            {
                i++;
                continue;
            }

            var length = JavaNames.NameLength(line.AsSpan(i));
            if (JavaNames.IsThrowableName(line.AsSpan(i, length)) && TryReadAt(line, i, out var type, out var message))
            {
                header = new(type, message, MayContinue: false, StandsAlone: false);
                return true;
            }

            i += Math.Max(length, 1);
        }

        return false;
    }

    private static bool IsBoundary(char c) => char.IsWhiteSpace(c) || c is '"' or '\'' or '[' or '(' or ':' or '=' or ',' or '|';
}
