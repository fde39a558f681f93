namespace Culprit.Parsing.Templates;

/// <summary>
/// Decides what a word is once no variable pattern matched it as a whole: a literal (<c>true</c>,
/// <c>null</c>), an id (a run of three digits, a long hex string, <c>v1.2.3</c>), a word with a digit, or a
/// plain word. Also reads the value glued to <c>key=</c> and splits <c>core.2275</c> or <c>node-129</c>.
/// </summary>
internal static class WordClassifier
{
    public static TokenKind Classify(ReadOnlySpan<char> w)
    {
        if (w.Length is 4 or 5 && IsLiteral(w))
            return TokenKind.Variable;
        if (TemplateChars.IsDigit(w[0]) || (w.Length > 1 && w[0] is '+' or '-' && TemplateChars.IsDigit(w[1])))
            return TokenKind.Variable;

        var digits = 0;
        var run = 0;
        var hex = 0;
        foreach (var c in w)
        {
            if (TemplateChars.IsDigit(c))
            {
                digits++;
                if (++run == 3)
                    return TokenKind.Variable;
            }
            else
            {
                run = 0;
            }

            if (char.IsAsciiHexDigit(c))
                hex++;
        }

        if (hex == w.Length && (w.Length >= 8 || (w.Length >= 4 && digits > 0 && digits < w.Length)))
            return TokenKind.Variable;
        if (IsVersion(w))
            return TokenKind.Variable;
        return digits > 0 ? TokenKind.Weak : TokenKind.Word;
    }

    /// <summary>A value glued to <c>=</c>: a variable when it is one as a whole or has a digit, else a word.</summary>
    public static TokenKind ClassifyValue(ReadOnlySpan<char> v, TemplateChars chars)
    {
        if (VariableRecognizer.End(v, 0, chars) == v.Length)
            return TokenKind.Variable;
        var kind = Classify(v);
        return kind == TokenKind.Weak ? TokenKind.Variable : kind;
    }

    /// <summary>End of the value glued to <c>=</c> at <paramref name="i"/>: up to whitespace, <c>,</c>, <c>;</c>, a
    /// quote or a closing bracket it did not open (cut before a bracket it leaves open); -1 when there is none.</summary>
    public static int ValueEnd(ReadOnlySpan<char> s, int i)
    {
        if (i >= s.Length || !(char.IsLetterOrDigit(s[i]) || s[i] is '.' or '/' or '\\' or '-' or '+' or '*' or '_' or '~' or '$' or '#'))
            return -1;
        var j = i;
        var depth = 0;
        while (j < s.Length && !char.IsWhiteSpace(s[j]) && s[j] is not (',' or ';' or '"' or '\''))
        {
            var c = s[j];
            if (c is '(' or '[' or '{' or '<')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}' or '>')
            {
                if (depth == 0)
                    break;
                depth--;
            }

            j++;
        }

        if (depth > 0)
            j = i + s[i..j].IndexOfAny("([{<");
        j = TemplateChars.TrimTrailing(s, i, j);
        return j > i ? j : -1;
    }

    /// <summary>Length of the letters of a word such as <c>core.2275</c>, <c>node-129</c> or <c>jetty-6.1.26</c>
    /// (letters, <c>.</c> or <c>-</c>, then a number or version with an optional unit), or -1.</summary>
    public static int SplitPoint(ReadOnlySpan<char> w)
    {
        var letters = 0;
        while (letters < w.Length && char.IsAsciiLetter(w[letters]))
            letters++;
        if (letters == 0 || letters + 1 >= w.Length || w[letters] is not ('.' or '-'))
            return -1;
        var k = letters + 1;
        if (!TemplateChars.IsDigit(w[k]))
            return -1;
        while (k < w.Length && TemplateChars.IsDigit(w[k]))
            k++;
        while (k + 1 < w.Length && w[k] == '.' && TemplateChars.IsDigit(w[k + 1]))
        {
            k++;
            while (k < w.Length && TemplateChars.IsDigit(w[k]))
                k++;
        }

        while (k < w.Length && char.IsAsciiLetter(w[k]))
            k++;
        return k == w.Length ? letters : -1;
    }

    /// <summary><c>true</c>, <c>false</c> or <c>null</c>, in any case.</summary>
    public static bool IsLiteral(ReadOnlySpan<char> w) =>
        w.Equals("true", StringComparison.OrdinalIgnoreCase) || w.Equals("false", StringComparison.OrdinalIgnoreCase)
        || w.Equals("null", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>v1.2</c>, <c>V6.1.7601</c>, <c>v0.97a</c>: a <c>v</c>, digits, at least one <c>.digits</c>, then letters.</summary>
    private static bool IsVersion(ReadOnlySpan<char> w)
    {
        if (w.Length < 4 || w[0] is not ('v' or 'V') || !TemplateChars.IsDigit(w[1]))
            return false;
        var k = 1;
        while (k < w.Length && TemplateChars.IsDigit(w[k]))
            k++;
        var parts = 0;
        while (k + 1 < w.Length && w[k] == '.' && TemplateChars.IsDigit(w[k + 1]))
        {
            k++;
            parts++;
            while (k < w.Length && TemplateChars.IsDigit(w[k]))
                k++;
        }

        while (k < w.Length && char.IsAsciiLetter(w[k]))
            k++;
        return parts > 0 && k == w.Length;
    }
}
