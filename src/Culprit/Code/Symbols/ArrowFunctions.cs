namespace Culprit.Code.Symbols;

/// <summary>Tells a JS/TS variable, constant or class field that holds a function (<c>const f = async (a) => {}</c>, <c>g = function () {}</c>) from one that does not.</summary>
internal static class ArrowFunctions
{
    /// <summary>The offset where the function value starts (after the '='), or -1 when the value is not a function.</summary>
    public static int ValueStart(MaskedSource source, int afterName)
    {
        var code = source.Code.Span;
        var i = afterName;
        var depth = 0;
        // Skip an optional type annotation up to the '=' of the initializer.
        for (; i < code.Length; i++)
        {
            var c = code[i];
            if (c is '(' or '[' or '{' or '<')
                depth++;
            else if (c is ')' or ']' or '}' or '>')
                depth--;
            else if (depth == 0 && c is ';' or '\n' or ',')
                return -1;
            else if (depth == 0 && c == '=' && (i + 1 >= code.Length || code[i + 1] is not ('=' or '>')))
                break;
        }

        if (i >= code.Length)
            return -1;
        var value = ++i;
        i = SkipSpaces(code, i);
        if (Word(code, i, "async"))
            i = SkipSpaces(code, i + 5);
        if (Word(code, i, "function"))
            return value;
        if (i < code.Length && code[i] == '(')
        {
            depth = 0;
            for (; i < code.Length; i++)
            {
                if (code[i] == '(')
                    depth++;
                else if (code[i] == ')' && --depth == 0)
                    break;
            }

            // An optional return type annotation sits between ')' and '=>'.
            for (i++; i < code.Length && code[i] is not ('\n' or ';' or '{'); i++)
            {
                if (code[i] == '=' && i + 1 < code.Length && code[i + 1] == '>')
                    return value;
            }

            return -1;
        }

        var start = i;
        while (i < code.Length && MaskedSource.IsWordChar(code[i]))
            i++;
        if (i == start)
            return -1;
        i = SkipSpaces(code, i);
        return i + 1 < code.Length && code[i] == '=' && code[i + 1] == '>' ? value : -1;
    }

    private static int SkipSpaces(ReadOnlySpan<char> code, int i)
    {
        while (i < code.Length && code[i] is ' ' or '\t')
            i++;
        return i;
    }

    private static bool Word(ReadOnlySpan<char> code, int i, string word) =>
        code[i..].StartsWith(word, StringComparison.Ordinal) && (i + word.Length >= code.Length || !MaskedSource.IsWordChar(code[i + word.Length]));
}
