namespace Culprit.Parsing.Templates;

/// <summary>
/// Wildcard-aware matching of a token shape against a template. A learned <c>&lt;*&gt;</c> matches any word or
/// variable; a recognised variable matches a variable, and any word too once the template has enough constant
/// words to be specific; constants and spacing must be equal. At chunk level (whitespace-separated groups of
/// tokens), a template chunk that is a lone <c>&lt;*&gt;</c> (with trailing punctuation) matches any chunk, so
/// <c>synchronized to &lt;*&gt;, stratum &lt;*&gt;</c> also covers <c>synchronized to LOCAL(0), stratum 10</c>.
/// </summary>
internal static class TemplateMatcher
{
    public static bool Matches(ReadOnlySpan<TemplateToken> template, ReadOnlySpan<TemplateToken> shape, bool loose)
    {
        if (template.Length != shape.Length)
            return false;
        for (var i = 0; i < template.Length; i++)
        {
            var a = template[i];
            var b = shape[i];
            if (a.SpaceBefore != b.SpaceBefore)
                return false;
            if (a.Kind == TokenKind.Learned || (a.Kind == TokenKind.Variable && loose))
            {
                if (b.Kind == TokenKind.Punct)
                    return false;
                continue;
            }

            if (!string.Equals(a.Text, b.Text, StringComparison.Ordinal))
                return false;
        }

        return true;
    }

    public static bool ChunkMatches(Template template, ReadOnlySpan<TemplateToken> shape, int minConstantWords)
    {
        if (template.ConstantWords < minConstantWords)
            return false;
        var a = template.Tokens.AsSpan();
        var ai = 0;
        var bi = 0;
        while (ai < a.Length && bi < shape.Length)
        {
            var aEnd = ChunkEnd(a, ai);
            var bEnd = ChunkEnd(shape, bi);
            var x = a[ai..aEnd];
            var y = shape[bi..bEnd];
            if (!(x.Length == y.Length && Matches(x, y, loose: true)) && !WholeVariableMatches(x, y))
                return false;
            ai = aEnd;
            bi = bEnd;
        }

        return ai == a.Length && bi == shape.Length;
    }

    public static int ConstantWords(ReadOnlySpan<TemplateToken> tokens)
    {
        var n = 0;
        foreach (var t in tokens)
        {
            if (t.IsConstantWord)
                n++;
        }

        return n;
    }

    public static int ChunkCount(ReadOnlySpan<TemplateToken> tokens)
    {
        var n = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (i == 0 || tokens[i].SpaceBefore)
                n++;
        }

        return n;
    }

    /// <summary>End of the chunk starting at <paramref name="i"/>: the next token preceded by whitespace.</summary>
    public static int ChunkEnd(ReadOnlySpan<TemplateToken> tokens, int i)
    {
        var j = i + 1;
        while (j < tokens.Length && !tokens[j].SpaceBefore)
            j++;
        return j;
    }

    /// <summary>A chunk that is a <c>&lt;*&gt;</c> followed only by punctuation.</summary>
    public static bool IsLoneVariable(ReadOnlySpan<TemplateToken> chunk)
    {
        if (!chunk[0].IsVariable)
            return false;
        foreach (var t in chunk[1..])
        {
            if (t.Kind != TokenKind.Punct)
                return false;
        }

        return true;
    }

    /// <summary>A chunk <c>&lt;*&gt;</c> followed only by punctuation matches any chunk ending with that punctuation.</summary>
    private static bool WholeVariableMatches(ReadOnlySpan<TemplateToken> x, ReadOnlySpan<TemplateToken> y)
    {
        if (!IsLoneVariable(x))
            return false;
        var tail = x[1..];
        if (tail.IsEmpty)
            return true;
        if (y.Length <= tail.Length)
            return false;
        var yTail = y[(y.Length - tail.Length)..];
        for (var i = 0; i < tail.Length; i++)
        {
            if (!string.Equals(tail[i].Text, yTail[i].Text, StringComparison.Ordinal))
                return false;
        }

        return true;
    }
}
