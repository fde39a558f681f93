namespace Culprit.Code.Symbols;

/// <summary>Collects the names called in a stretch of masked code: every <c>name(</c> that is not a keyword or a declaration.</summary>
internal static class CallScanner
{
    /// <summary>Appends calls in [from, to) outside the <paramref name="skip"/> ranges to <paramref name="calls"/>, once each, in order.</summary>
    public static void Scan(MaskedSource source, int from, int to, IReadOnlyList<(int From, int To)> skip, List<string> calls)
    {
        var code = source.Code.Span;
        var rules = source.Rules;
        to = Math.Min(to, code.Length);
        var skipIndex = 0;
        var i = Math.Max(0, from);
        while (i < to)
        {
            while (skipIndex < skip.Count && skip[skipIndex].To <= i)
                skipIndex++;
            if (skipIndex < skip.Count && skip[skipIndex].From <= i)
            {
                i = skip[skipIndex].To;
                continue;
            }

            var c = code[i];
            if (!MaskedSource.IsWordChar(c) || (i > 0 && MaskedSource.IsWordChar(code[i - 1])))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < to && MaskedSource.IsWordChar(code[i]))
                i++;
            var after = i;
            while (after < to && code[after] is ' ' or '\t')
                after++;
            if (after >= to || code[after] != '(' || char.IsDigit(c) || c == '$' || (start > 0 && code[start - 1] == '@'))
                continue;
            var word = code[start..i];
            if (rules.Keywords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) || AfterDeclarationWord(code, start, rules))
                continue;
            if (!Contains(calls, word))
                calls.Add(word.ToString());
        }
    }

    private static bool Contains(List<string> calls, ReadOnlySpan<char> word)
    {
        foreach (var call in calls)
        {
            if (word.SequenceEqual(call))
                return true;
        }

        return false;
    }

    private static bool AfterDeclarationWord(ReadOnlySpan<char> code, int start, LexicalRules rules)
    {
        var end = start;
        while (end > 0 && code[end - 1] is ' ' or '\t' or '*')
            end--;
        if (end == start)
            return false;
        var begin = end;
        while (begin > 0 && MaskedSource.IsWordChar(code[begin - 1]))
            begin--;
        return begin < end && rules.DeclarationWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(code[begin..end]);
    }
}
