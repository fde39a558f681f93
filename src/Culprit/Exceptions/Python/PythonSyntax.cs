using System.Globalization;
using Culprit.Model;

namespace Culprit.Exceptions.Python;

/// <summary>Span-level recognisers for the lines of a Python traceback; none of them allocates unless it matches.</summary>
internal static class PythonSyntax
{
    public const string CauseSeparator = "The above exception was the direct cause of the following exception:";
    public const string ContextSeparator = "During handling of the above exception, another exception occurred:";

    /// <summary>What <c>logging</c> prints before a <c>stack_info</c> dump: frames, but no exception.</summary>
    public const string StackHeader = "Stack (most recent call last):";

    private const string TracebackWord = "Traceback (most recent call last";
    private const string GroupWord = "Exception Group ";
    private const string FileWord = "File \"";
    private const string LineWord = "\", line ";
    private const string RepeatedWord = "[Previous line repeated ";

    /// <summary>
    /// <c>Traceback (most recent call last):</c>, also loguru's <c>(most recent call last, catch point marked):</c>.
    /// </summary>
    public static bool IsTracebackHeader(ReadOnlySpan<char> s)
    {
        s = s.Trim();
        return s.StartsWith(TracebackWord, StringComparison.Ordinal) && s.EndsWith("):", StringComparison.Ordinal);
    }

    /// <summary><c>Exception Group Traceback (most recent call last):</c> (the text after any <c>+ </c> / <c>| </c> margin).</summary>
    public static bool IsGroupHeader(ReadOnlySpan<char> s)
    {
        s = s.Trim();
        return s.StartsWith(GroupWord, StringComparison.Ordinal) && IsTracebackHeader(s[GroupWord.Length..]);
    }

    /// <summary>
    /// Where a traceback header starts on a line that may carry a log prefix: the index of <c>Traceback</c>,
    /// or of the <c>  + </c> margin of a top-level exception group header; -1 when the line has no header.
    /// </summary>
    public static int FindHeader(ReadOnlySpan<char> line, out bool group)
    {
        group = false;
        var s = line.TrimEnd();
        if (s.Length < TracebackWord.Length + 2 || s[^1] != ':' || s[^2] != ')')
            return -1;
        var at = s.IndexOf(TracebackWord, StringComparison.Ordinal);
        if (at < 0)
            return -1;
        var groupAt = at - GroupWord.Length;
        if (groupAt >= 0 && s[groupAt..at].SequenceEqual(GroupWord))
        {
            // Only the outermost group header has the "  + " margin; anything else is not a start.
            var margin = groupAt - 4;
            if (margin < 0 || !s[margin..groupAt].SequenceEqual("  + "))
                return -1;
            group = true;
            return margin;
        }

        return IsTracebackHeader(s[at..]) ? at : -1;
    }

    /// <summary>The relation a chain separator line announces, or <see cref="ExceptionRelation.None"/>.</summary>
    public static ExceptionRelation Separator(ReadOnlySpan<char> s)
    {
        s = s.Trim();
        if (s.SequenceEqual(CauseSeparator))
            return ExceptionRelation.Cause;
        if (s.SequenceEqual(ContextSeparator))
            return ExceptionRelation.Context;
        return ExceptionRelation.None;
    }

    /// <summary>Whether <paramref name="s"/> opens with a chain separator's first words (a cheap pre-check).</summary>
    public static bool StartsLikeSeparator(ReadOnlySpan<char> s)
    {
        s = s.TrimStart();
        return s.StartsWith("The above exception", StringComparison.Ordinal)
            || s.StartsWith("During handling of the above", StringComparison.Ordinal);
    }

    /// <summary>The <c>"""</c> line around a remote traceback.</summary>
    public static bool IsTripleQuote(ReadOnlySpan<char> s) => s.Trim().SequenceEqual("\"\"\"");

    /// <summary>Removes loguru's <c>&gt;</c> marker and the indentation before a frame.</summary>
    public static ReadOnlySpan<char> FrameText(ReadOnlySpan<char> s)
    {
        s = s.TrimStart();
        if (s.Length > 0 && s[0] == '>')
            s = s[1..].TrimStart();
        return s;
    }

    public static bool StartsWithFile(ReadOnlySpan<char> s) => s.StartsWith(FileWord, StringComparison.Ordinal);

    /// <summary>
    /// <c>File "F", line N, in NAME</c> (a frame) or <c>File "F", line N</c> (a SyntaxError location: <paramref name="function"/> null).
    /// <paramref name="s"/> starts at <c>File</c>.
    /// </summary>
    public static bool TryParseFileLine(ReadOnlySpan<char> s, out string file, out int line, out string? function)
    {
        file = "";
        line = 0;
        function = null;
        if (!s.StartsWith(FileWord, StringComparison.Ordinal))
            return false;
        var rest = s[FileWord.Length..];
        var quote = rest.IndexOf(LineWord, StringComparison.Ordinal);
        if (quote <= 0)
            return false;
        var after = rest[(quote + LineWord.Length)..];
        var digits = 0;
        while (digits < after.Length && char.IsAsciiDigit(after[digits]))
            digits++;
        if (digits == 0 || digits > 9)
            return false;
        var tail = after[digits..].TrimEnd();
        if (tail.Length > 0)
        {
            if (!tail.StartsWith(", in ", StringComparison.Ordinal) || tail.Length == 5)
                return false;
            function = tail[5..].Trim().ToString();
        }

        file = rest[..quote].ToString();
        line = int.Parse(after[..digits], NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary><c>[Previous line repeated N more times]</c> (or <c>more time]</c>).</summary>
    public static bool TryParseRepeated(ReadOnlySpan<char> s, out int count)
    {
        count = 0;
        if (!s.StartsWith(RepeatedWord, StringComparison.Ordinal))
            return false;
        var rest = s[RepeatedWord.Length..];
        var digits = 0;
        while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            digits++;
        if (digits == 0 || digits > 9 || !rest[digits..].StartsWith(" more time", StringComparison.Ordinal))
            return false;
        count = int.Parse(rest[..digits], NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>A caret line under a source line: only <c>^</c>, <c>~</c> and spaces.</summary>
    public static bool IsCaretLine(ReadOnlySpan<char> s)
    {
        s = s.Trim();
        if (s.IsEmpty)
            return false;
        foreach (var c in s)
        {
            if (c is not ('^' or '~' or ' '))
                return false;
        }

        return true;
    }

    /// <summary>
    /// The final line of a printed exception: <c>Type</c>, <c>Type:</c> or <c>Type: message</c>, where the type is a
    /// dotted name (qualified names such as <c>f.&lt;locals&gt;.Error</c> included).
    /// </summary>
    public static bool TryParseExceptionLine(ReadOnlySpan<char> s, out string type, out string message)
    {
        type = "";
        message = "";
        s = s.TrimEnd();
        if (s.IsEmpty || !(char.IsLetter(s[0]) || s[0] == '_'))
            return false;
        var i = 1;
        while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] is '_' or '.' or '<' or '>'))
            i++;
        if (s[i - 1] == '.')
            return false;
        if (i < s.Length)
        {
            if (s[i] != ':' || (i + 1 < s.Length && s[i + 1] != ' '))
                return false;
            message = i + 2 < s.Length ? s[(i + 2)..].ToString() : "";
        }

        type = s[..i].ToString();
        return true;
    }
}
