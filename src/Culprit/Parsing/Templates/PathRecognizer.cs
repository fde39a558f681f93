namespace Culprit.Parsing.Templates;

/// <summary>URLs (<c>scheme://…</c>) and paths (<c>/a/b</c>, <c>./a</c>, <c>~/a</c>, <c>C:\a</c>, <c>\\host\share</c>).</summary>
internal static class PathRecognizer
{
    private const int MaxSchemeLength = 16;

    /// <summary>End of a URL starting at <paramref name="i"/>, or -1.</summary>
    public static int Url(ReadOnlySpan<char> s, int i)
    {
        if (!char.IsAsciiLetter(s[i]))
            return -1;
        var k = i + 1;
        while (k < s.Length && k - i < MaxSchemeLength && (char.IsAsciiLetterOrDigit(s[k]) || s[k] is '+' or '.' or '-'))
            k++;
        if (k + 2 >= s.Length || s[k] != ':' || s[k + 1] != '/' || s[k + 2] != '/')
            return -1;
        var afterScheme = k + 3;
        var j = afterScheme;
        var depth = 0;
        while (j < s.Length && !char.IsWhiteSpace(s[j]) && s[j] is not ('"' or '\'' or '<' or '>'))
        {
            if (!Nest(s[j], ref depth))
                break;
            j++;
        }

        j = TemplateChars.TrimTrailing(s, i, j);
        return j > afterScheme ? j : -1;
    }

    /// <summary>End of a path starting at <paramref name="i"/>, or -1.</summary>
    public static int Path(ReadOnlySpan<char> s, int i)
    {
        var n = s.Length;
        int k;
        if (s[i] == '/' && i + 1 < n && (char.IsLetterOrDigit(s[i + 1]) || s[i + 1] is '_' or '.' or '-' or '~' or '*' or '$'))
            k = i + 1;
        else if (s[i..].StartsWith("./") || s[i..].StartsWith("../") || s[i..].StartsWith("~/") || s[i..].StartsWith("\\\\"))
            k = i + 2;
        else if (i + 3 < n && char.IsAsciiLetter(s[i]) && s[i + 1] == ':' && s[i + 2] is '\\' or '/' && !char.IsWhiteSpace(s[i + 3]))
            k = i + 3;
        else
            return -1;

        var j = k;
        var depth = 0;
        while (j < n && !char.IsWhiteSpace(s[j]) && s[j] is not (',' or ';' or '"' or '\'' or '<' or '>' or '|'))
        {
            if (!Nest(s[j], ref depth))
                break;
            j++;
        }

        var full = j;
        j = TemplateChars.TrimTrailing(s, i, j);
        // A dot glued to a path with more text after it is part of the file name ("part-00590. blk_1"),
        // not the end of a sentence.
        if (j < full && s[j] == '.' && j + 1 == full && full < n && char.IsWhiteSpace(s[full]) && !s[full..].IsWhiteSpace())
            j = full;
        return j > i + 1 ? j : -1;
    }

    /// <summary>Tracks brackets inside a URL or path; false at a closing bracket that was not opened in it.</summary>
    private static bool Nest(char c, ref int depth)
    {
        if (c is '(' or '[' or '{')
        {
            depth++;
        }
        else if (c is ')' or ']' or '}')
        {
            if (depth == 0)
                return false;
            depth--;
        }

        return true;
    }
}
