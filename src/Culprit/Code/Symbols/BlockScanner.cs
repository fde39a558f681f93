namespace Culprit.Code.Symbols;

/// <summary>Finds where a declaration's body starts and ends in masked code: braces, expression bodies, indentation.</summary>
internal static class BlockScanner
{
    /// <summary>For brace languages: from just after the declared name to the matching '}' (or ';' / end of an expression body).</summary>
    public static Extent Braces(MaskedSource source, int from)
    {
        var code = source.Code.Span;
        var kotlin = source.Rules.Language == CodeLanguages.Kotlin;
        var depth = 0;
        for (var i = from; i < code.Length; i++)
        {
            var c = code[i];
            switch (c)
            {
                case '(' or '[':
                    depth++;
                    break;
                case ')' or ']':
                    if (--depth < 0)
                        return new Extent(i, i, true, HasBody: false);
                    break;
                case '{' when depth == 0:
                    return MatchBrace(source, i);
                case '}' or ';' when depth == 0:
                    return new Extent(i, i, true, HasBody: false);
                case '=' when depth == 0:
                    if (i + 1 < code.Length && code[i + 1] == '>')
                        return Arrow(source, i);
                    if ((i + 1 < code.Length && code[i + 1] == '=') || (i > 0 && code[i - 1] is '!' or '<' or '>' or '='))
                        break;
                    return new Extent(i, ExpressionEnd(source, i + 1), true);
                case '\n' when depth == 0 && kotlin && !ContinuesAfter(code, i):
                    // A Kotlin declaration without a body (class Point(val x: Int)) ends with its line.
                    return new Extent(i, i, true, HasBody: false);
            }
        }

        return new Extent(code.Length, code.Length, false);
    }

    /// <summary>From an arrow's '=': a braced body or an expression.</summary>
    public static Extent Arrow(MaskedSource source, int arrowAt)
    {
        var code = source.Code.Span;
        var i = arrowAt + 2;
        while (i < code.Length && char.IsWhiteSpace(code[i]))
            i++;
        if (i < code.Length && code[i] == '{')
            return MatchBrace(source, i);
        return new Extent(arrowAt, ExpressionEnd(source, i), true);
    }

    public static Extent MatchBrace(MaskedSource source, int open)
    {
        var code = source.Code.Span;
        var depth = 0;
        for (var i = open; i < code.Length; i++)
        {
            if (code[i] == '{')
                depth++;
            else if (code[i] == '}' && --depth == 0)
                return new Extent(open, i, true);
        }

        return new Extent(open, code.Length, false);
    }

    /// <summary>The last offset of an expression that starts at <paramref name="from"/>: a ';', a closing bracket of the enclosing code, or a line end that does not continue.</summary>
    public static int ExpressionEnd(MaskedSource source, int from, bool stopAtComma = true)
    {
        var code = source.Code.Span;
        var depth = 0;
        var last = from;
        for (var i = from; i < code.Length; i++)
        {
            var c = code[i];
            if (c is '(' or '[' or '{')
                depth++;
            else if (c is ')' or ']' or '}')
            {
                if (--depth < 0)
                    return last;
            }
            else if (depth == 0 && (c == ';' || (c == ',' && stopAtComma)))
                return c == ';' ? i : last;
            else if (depth == 0 && c == '\n' && !ContinuesAfter(code, i) && last > from)
                return last;

            if (!char.IsWhiteSpace(c))
                last = i;
        }

        return code.Length == 0 ? 0 : code.Length - 1;
    }

    /// <summary>True when the statement goes on past the line break at <paramref name="newline"/>: the line ends in an operator or the next line starts with one.</summary>
    private static bool ContinuesAfter(ReadOnlySpan<char> code, int newline)
    {
        var before = newline - 1;
        while (before >= 0 && code[before] is ' ' or '\t' or '\r')
            before--;
        if (before < 0 || code[before] == '\n')
            return true;
        if (code[before] is '=' or '+' or '-' or '*' or '/' or '%' or '&' or '|' or '?' or ':' or ',' or '.' or '(' or '<' or '>' or '!' or '{' or '[')
            return true;
        var after = newline + 1;
        while (after < code.Length && char.IsWhiteSpace(code[after]))
            after++;
        return after < code.Length && code[after] is '.' or '?' or ':' or '+' or '-' or '*' or '/' or '&' or '|' or '=';
    }

    /// <summary>
    /// Python: the header runs from the name to the ':' outside brackets; the body is every following line indented
    /// deeper than the <c>def</c>/<c>class</c> line (blank lines do not count; lines of a multi-line string that
    /// started in the body do, whatever their indentation).
    /// </summary>
    public static Extent Indented(MaskedSource source, int declLine, int from)
    {
        var code = source.Code.Span;
        var depth = 0;
        var colon = -1;
        for (var i = from; i < code.Length; i++)
        {
            var c = code[i];
            if (c is '(' or '[' or '{')
                depth++;
            else if (c is ')' or ']' or '}')
                depth--;
            else if (c == ':' && depth <= 0)
            {
                colon = i;
                break;
            }
        }

        if (colon < 0)
            return new Extent(code.Length, code.Length, false);
        var baseIndent = Indent(source.CodeLine(declLine));
        var headerLine = source.LineOf(colon);
        var endLine = headerLine;
        for (var line = headerLine + 1; line <= source.LineCount; line++)
        {
            var text = source.CodeLine(line);
            var indent = Indent(text);
            var literal = source.LiteralStartAround(source.LineStart(line));
            if (literal >= 0)
            {
                // A line inside a multi-line string belongs to the body when the string started in it.
                if (literal > colon && source.TextLine(line).Trim().Length > 0)
                    endLine = line;
                continue;
            }

            if (indent == text.Length)
                continue;
            if (indent <= baseIndent)
                break;
            endLine = line;
        }

        return new Extent(colon + 1, Math.Max(colon, source.LineEnd(endLine) - 1), true);
    }

    private static int Indent(ReadOnlySpan<char> line)
    {
        var n = 0;
        while (n < line.Length && char.IsWhiteSpace(line[n]))
            n++;
        return n;
    }
}
