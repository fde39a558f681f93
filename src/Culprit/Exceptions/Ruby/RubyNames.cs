namespace Culprit.Exceptions;

/// <summary>Recognises Ruby class names in header lines.</summary>
internal static class RubyNames
{
    /// <summary>A constant path such as <c>NoMethodError</c> or <c>ActiveRecord::RecordNotFound</c>.</summary>
    public static bool IsConstant(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !char.IsAsciiLetterUpper(text[0]))
            return false;
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
                continue;
            if (c != ':' || i + 2 >= text.Length || text[i + 1] != ':' || !char.IsAsciiLetterUpper(text[i + 2]))
                return false;
            i++;
        }

        return true;
    }

    /// <summary>A name that reads as an exception class, for headers whose type could be confused with a log prefix word.</summary>
    public static bool LooksLikeException(ReadOnlySpan<char> name) =>
        name.Contains("::", StringComparison.Ordinal)
        || name.EndsWith("Error", StringComparison.Ordinal)
        || name.EndsWith("Exception", StringComparison.Ordinal)
        || name.EndsWith("Invalid", StringComparison.Ordinal);

    /// <summary>
    /// The start of the first constant that is directly followed by <paramref name="separator"/> and preceded by the
    /// start of the line, a blank or a closing bracket; with <paramref name="preferExceptionNames"/> a later name that
    /// reads as an exception wins over an earlier one that does not (<c>ERROR: RuntimeError: boom</c>). -1 when none.
    /// </summary>
    public static int FindTypeBefore(ReadOnlySpan<char> line, string separator, bool preferExceptionNames, out int typeEnd)
    {
        typeEnd = -1;
        var first = -1;
        var from = 0;
        while (from < line.Length)
        {
            var at = line[from..].IndexOf(separator, StringComparison.Ordinal);
            if (at < 0)
                break;
            at += from;
            var start = line[..at].LastIndexOfAny(' ', '\t', ']') + 1;
            var name = line[start..at];
            if (IsConstant(name))
            {
                if (!preferExceptionNames || LooksLikeException(name))
                {
                    typeEnd = at;
                    return start;
                }

                if (first < 0)
                {
                    first = start;
                    typeEnd = at;
                }
            }

            from = at + separator.Length;
        }

        return first;
    }
}
