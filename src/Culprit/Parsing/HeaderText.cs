namespace Culprit.Parsing;

/// <summary>Small span scans shared by the header readers.</summary>
internal static class HeaderText
{
    /// <summary>Longest bracketed field looked at ([thread], [timestamp level]).</summary>
    private const int MaxBracket = 256;

    public static int SkipBlanks(ReadOnlySpan<char> s, int p)
    {
        while (p < s.Length && s[p] is ' ' or '\t')
            p++;
        return p;
    }

    /// <summary>Length of the run of ASCII letters at <paramref name="p"/>.</summary>
    public static int LetterRun(ReadOnlySpan<char> s, int p)
    {
        var n = p;
        while (n < s.Length && char.IsAsciiLetter(s[n]))
            n++;
        return n - p;
    }

    /// <summary>Length of the run of ASCII digits at <paramref name="p"/>.</summary>
    public static int DigitRun(ReadOnlySpan<char> s, int p)
    {
        var n = p;
        while (n < s.Length && char.IsAsciiDigit(s[n]))
            n++;
        return n - p;
    }

    /// <summary>Two or more spaces, or a tab, at <paramref name="p"/>: a column padded to its width.</summary>
    public static bool IsPadding(ReadOnlySpan<char> s, int p) =>
        p < s.Length && (s[p] == '\t' || (s[p] == ' ' && p + 1 < s.Length && s[p + 1] is ' ' or '\t'));

    /// <summary>End of the token at <paramref name="p"/>: the next blank (or <paramref name="stop"/>).</summary>
    public static int TokenEnd(ReadOnlySpan<char> s, int p, char stop = ' ')
    {
        while (p < s.Length && s[p] != ' ' && s[p] != '\t' && s[p] != stop)
            p++;
        return p;
    }

    /// <summary>The <c>]</c> that closes the <c>[</c> at <paramref name="open"/> (nested brackets allowed), or -1.</summary>
    public static int ClosingBracket(ReadOnlySpan<char> s, int open)
    {
        var depth = 0;
        var end = Math.Min(s.Length, open + MaxBracket);
        for (var i = open; i < end; i++)
        {
            if (s[i] == '[')
            {
                depth++;
            }
            else if (s[i] == ']' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    public static bool IsUpperWord(ReadOnlySpan<char> word) => !word.ContainsAnyInRange('a', 'z');

    public static bool IsLowerWord(ReadOnlySpan<char> word) => !word.ContainsAnyInRange('A', 'Z');

    /// <summary>Trims blanks and returns the trimmed part's offset within <paramref name="s"/>.</summary>
    public static Slice Trim(ReadOnlySpan<char> s, int start, int end)
    {
        while (start < end && s[start] is ' ' or '\t')
            start++;
        while (end > start && s[end - 1] is ' ' or '\t')
            end--;
        return Slice.Between(start, end);
    }

    /// <summary>
    /// A qualified name whose last part reads like an exception type (<c>java.lang.IllegalStateException</c>):
    /// such a token before a colon starts a message, it is not a logger.
    /// </summary>
    public static bool LooksLikeExceptionType(ReadOnlySpan<char> name)
    {
        var last = name.LastIndexOfAny('.', '$');
        var tail = last >= 0 ? name[(last + 1)..] : name;
        return tail.EndsWith("Exception", StringComparison.Ordinal) || tail.EndsWith("Error", StringComparison.Ordinal)
            || tail.EndsWith("Throwable", StringComparison.Ordinal) || tail.EndsWith("Failure", StringComparison.Ordinal)
            || tail.EndsWith("Fault", StringComparison.Ordinal) || tail.EndsWith("Warning", StringComparison.Ordinal);
    }
}
