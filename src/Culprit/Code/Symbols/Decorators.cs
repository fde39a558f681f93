namespace Culprit.Code.Symbols;

/// <summary>Moves a declaration's first line up over the decorators or annotations written above it.</summary>
internal static class Decorators
{
    private const int MaxDecoratorLines = 40;

    public static int FirstLine(MaskedSource source, int declLine)
    {
        var prefix = source.Rules.DecoratorPrefix;
        if (prefix is null)
            return declLine;
        var start = declLine;
        var line = declLine - 1;
        while (line >= 1)
        {
            var code = source.CodeLine(line).Trim();
            if (code.StartsWith(prefix, StringComparison.Ordinal))
            {
                start = line--;
                continue;
            }

            if (code.Length == 0 || code[^1] is not (')' or ']'))
                break;
            var opening = OpeningLine(source, line);
            if (opening < 1 || !source.CodeLine(opening).Trim().StartsWith(prefix, StringComparison.Ordinal))
                break;
            start = opening;
            line = opening - 1;
        }

        return start;
    }

    /// <summary>The line where the bracket closed at the end of <paramref name="line"/> was opened, or 0.</summary>
    private static int OpeningLine(MaskedSource source, int line)
    {
        var code = source.Code.Span;
        var depth = 0;
        var stop = source.LineStart(Math.Max(1, line - MaxDecoratorLines));
        for (var i = source.LineEnd(line) - 1; i >= stop; i--)
        {
            if (code[i] is ')' or ']')
                depth++;
            else if (code[i] is '(' or '[' && --depth == 0)
                return source.LineOf(i);
        }

        return 0;
    }
}
