namespace Culprit.Code.Symbols;

/// <summary>
/// The text ctags reads for a TypeScript file. Universal Ctags 5.9's TypeScript parser loses the rest of a class
/// after a field initializer with a call in it (<c>cache = new Map();</c>, <c>handle = async () => {…};</c>), so
/// every class-field initializer is replaced by <c>0</c> padded with spaces. Lines and columns are unchanged; the
/// mapper still reads the real code.
/// </summary>
internal static class TypeScriptSkeleton
{
    public static string For(MaskedSource source)
    {
        var code = source.Code.Span;
        var output = code.ToArray();
        var classes = new Stack<bool>();
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '{')
                classes.Push(HeadIsClass(code, i));
            else if (c == '}')
                classes.TryPop(out _);
            else if (c == '=' && classes.TryPeek(out var inClass) && inClass && IsAssignment(code, i))
            {
                var end = BlockScanner.ExpressionEnd(source, i + 1, stopAtComma: false);
                var stop = end < code.Length && code[end] == ';' ? end : end + 1;
                var zero = false;
                for (var k = i + 1; k < stop && k < output.Length; k++)
                {
                    if (output[k] == '\n')
                        continue;
                    output[k] = zero ? ' ' : '0';
                    zero = true;
                }

                i = Math.Max(i, stop - 1);
            }
        }

        return new string(output);
    }

    private static bool IsAssignment(ReadOnlySpan<char> code, int i) =>
        (i + 1 >= code.Length || code[i + 1] is not ('=' or '>')) && (i == 0 || code[i - 1] is not ('=' or '!' or '<' or '>'));

    /// <summary>True when the declaration head before the '{' (back to the previous ';', '{' or '}') has the word <c>class</c>.</summary>
    private static bool HeadIsClass(ReadOnlySpan<char> code, int open)
    {
        var start = open;
        while (start > 0 && code[start - 1] is not (';' or '{' or '}'))
            start--;
        var head = code[start..open];
        var at = head.IndexOf("class", StringComparison.Ordinal);
        while (at >= 0)
        {
            var end = at + 5;
            if ((at == 0 || !MaskedSource.IsWordChar(head[at - 1])) && (end >= head.Length || !MaskedSource.IsWordChar(head[end])))
                return true;
            var next = head[end..].IndexOf("class", StringComparison.Ordinal);
            at = next < 0 ? -1 : end + next;
        }

        return false;
    }
}
