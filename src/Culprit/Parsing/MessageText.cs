namespace Culprit.Parsing;

/// <summary>Builds an entry's message with one allocation: the header line's text after its header plus the continuation lines.</summary>
internal static class MessageText
{
    /// <param name="first">The line holding the first part of the message.</param>
    /// <param name="start">Where the message starts in <paramref name="first"/>; its end is trimmed of blanks.</param>
    /// <param name="lines">The entry's lines.</param>
    /// <param name="from">The first continuation line to append.</param>
    public static string Build(string first, int start, List<string> lines, int from)
    {
        start = Math.Clamp(start, 0, first.Length);
        var end = first.Length;
        while (end > start && first[end - 1] is ' ' or '\t')
            end--;
        if (from >= lines.Count)
            return start == 0 && end == first.Length ? first : first[start..end];
        var length = end - start;
        for (var i = from; i < lines.Count; i++)
            length += 1 + lines[i].Length;
        return string.Create(length, (first, start, end, lines, from), static (span, state) =>
        {
            var (head, headStart, headEnd, all, next) = state;
            head.AsSpan(headStart, headEnd - headStart).CopyTo(span);
            var at = headEnd - headStart;
            for (var i = next; i < all.Count; i++)
            {
                span[at++] = '\n';
                all[i].CopyTo(span[at..]);
                at += all[i].Length;
            }
        });
    }
}
