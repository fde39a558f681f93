using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>
/// Turns header text into exceptions: the text is split at <c> ---&gt; </c>, each part that reads as
/// <c>Type[: message]</c> starts the next exception in, and a part that does not stays with the text before it.
/// </summary>
internal static class DotNetSegments
{
    /// <summary>
    /// Adds the exceptions of a header (the top one, or an inner one after <c>---&gt; </c>); false, adding
    /// nothing, when its first part is not a header. Message lines waiting in <paramref name="pending"/> go to the
    /// exception before the new ones.
    /// </summary>
    public static bool AddHeader(ReadOnlySpan<char> text, List<ExceptionInfo> chain, List<string>? pending = null)
    {
        var parts = Split(text);
        if (!DotNetHeader.TryParseSegment(parts[0], out _, out _))
            return false;
        if (pending is { Count: > 0 })
        {
            chain[^1].MessageContinuation.AddRange(pending);
            pending.Clear();
        }

        foreach (var part in parts)
            AddException(part, chain);
        return true;
    }

    /// <summary>
    /// A message line: kept in <paramref name="pending"/> until a frame or inner header confirms it, unless it
    /// holds a .NET Framework inline <c> ---&gt; </c> (a multi-line message followed by the inner exception), which
    /// starts inner exceptions at once. Returns true when it did.
    /// </summary>
    public static bool AddContinuation(ReadOnlySpan<char> line, List<ExceptionInfo> chain, List<string> pending)
    {
        if (DotNetHeader.NextArrow(line, 0) < 0)
        {
            pending.Add(line.ToString());
            return false;
        }

        var parts = Split(line);
        if (parts.Count == 1)
        {
            pending.Add(parts[0]);
            return false;
        }

        pending.Add(parts[0]);
        chain[^1].MessageContinuation.AddRange(pending);
        pending.Clear();
        for (var i = 1; i < parts.Count; i++)
            AddException(parts[i], chain);
        return true;
    }

    private static void AddException(string part, List<ExceptionInfo> chain)
    {
        if (!DotNetHeader.TryParseSegment(part, out var type, out var message))
            return;
        chain.Add(new ExceptionInfo { Type = type, Message = message });
    }

    /// <summary>Parts between arrows; a part that is not a header is joined back to the part before it.</summary>
    private static List<string> Split(ReadOnlySpan<char> text)
    {
        var parts = new List<string>(2);
        var current = -1;
        var from = 0;
        var partStart = 0;
        while (true)
        {
            var arrow = DotNetHeader.NextArrow(text, from);
            var end = arrow < 0 ? text.Length : arrow;
            var part = text[partStart..end];
            if (parts.Count == 0)
            {
                parts.Add(part.ToString());
                current = 0;
            }
            else if (DotNetHeader.TryParseSegment(part, out _, out _))
            {
                parts.Add(part.ToString());
                current++;
            }
            else
            {
                parts[current] = string.Concat(parts[current], " ---> ", part);
            }

            if (arrow < 0)
                return parts;
            partStart = from = arrow + DotNetHeader.ArrowLength;
        }
    }
}
