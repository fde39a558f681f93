namespace Culprit.Code.Embeddings;

/// <summary>
/// Splits text into words (runs of letters, digits and '_') and each word into its identifier parts:
/// <c>parseUserId</c>, <c>parse_user_id</c> and <c>ParseUserID</c> all give <c>parse</c>, <c>user</c>, <c>id</c>.
/// Works on spans and ranges; the caller lowercases.
/// </summary>
internal static class IdentifierTokens
{
    /// <summary>The next word at or after <paramref name="position"/>; false at the end of the text.</summary>
    public static bool NextWord(ReadOnlySpan<char> text, ref int position, out Range word)
    {
        var i = position;
        while (i < text.Length && !char.IsLetterOrDigit(text[i]))
            i++;
        var start = i;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
            i++;
        position = i;
        word = start..i;
        return i > start;
    }

    /// <summary>Adds the ranges (within <paramref name="word"/>) of its parts to <paramref name="parts"/>, after clearing it.</summary>
    public static void Parts(ReadOnlySpan<char> word, List<Range> parts)
    {
        parts.Clear();
        var start = 0;
        for (var i = 1; i <= word.Length; i++)
        {
            if (i < word.Length && !IsBoundary(word, i))
                continue;
            var (from, to) = (start, i);
            while (from < to && word[from] == '_')
                from++;
            while (to > from && word[to - 1] == '_')
                to--;
            if (to > from)
                parts.Add(from..to);
            start = i;
        }
    }

    /// <summary>A part ends before <paramref name="i"/>: at '_', lower→Upper, letter↔digit, and before the last capital of an acronym (<c>HTTPServer</c>).</summary>
    private static bool IsBoundary(ReadOnlySpan<char> word, int i)
    {
        char previous = word[i - 1], current = word[i];
        if (current == '_' || previous == '_')
            return true;
        if (char.IsDigit(previous) != char.IsDigit(current))
            return true;
        if (char.IsLower(previous) && char.IsUpper(current))
            return true;
        return char.IsUpper(previous) && char.IsUpper(current) && i + 1 < word.Length && char.IsLower(word[i + 1]);
    }
}
