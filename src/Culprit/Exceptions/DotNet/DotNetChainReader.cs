using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>
/// Reads one printed <c>Exception.ToString()</c>: the header chain split at <c> ---&gt; </c>, message
/// continuation lines, frame blocks separated by <c>--- End of inner exception stack trace ---</c> (innermost
/// exception first), and AggregateException's <c>---&gt; (Inner Exception #N) ...&lt;---</c> siblings.
/// </summary>
internal sealed class DotNetChainReader
{
    /// <summary>How many message lines may sit between a header and the first frame.</summary>
    private const int MaxMessageLines = 100;

    /// <summary>Nesting of AggregateException siblings read before giving up (guards the recursion).</summary>
    private const int MaxDepth = 8;

    private const string SiblingStart = "(Inner Exception #";
    private const string SiblingEnd = "<---";

    private readonly TraceLines _lines;

    public DotNetChainReader(TraceLines lines) => _lines = lines;

    /// <summary>
    /// Reads the trace whose header type starts at column <paramref name="typeStart"/> of line <paramref name="start"/>.
    /// With <paramref name="strict"/> the very next line must be a frame, marker or arrow line. Returns null when
    /// the lines are not a .NET trace (no frame, marker or inner exception follows the header).
    /// </summary>
    public ExceptionInfo? Read(int start, int typeStart, bool strict, out int lastIndex) =>
        ReadChain(start, typeStart, sibling: false, strict, depth: 0, out lastIndex);

    private ExceptionInfo? ReadChain(int start, int typeStart, bool sibling, bool strict, int depth, out int lastIndex)
    {
        lastIndex = start;
        var terminated = false;
        var header = _lines[start].AsSpan(typeStart);
        if (sibling)
            header = StripSiblingEnd(header, out terminated);

        var chain = new List<ExceptionInfo>(2);
        if (!DotNetSegments.AddHeader(header, chain))
            return null;

        var blocks = new List<List<Frame>> { new() };
        var siblings = new List<ExceptionInfo>();
        var pending = new List<string>();
        var evidence = chain.Count > 1;
        var inFrames = false;
        for (var j = start + 1; j < _lines.Count && !terminated; j++)
        {
            var raw = _lines[j];
            var line = raw.AsSpan();
            if (sibling)
            {
                line = StripSiblingEnd(line, out var ended);
                terminated |= ended;
            }

            var trimmed = line.TrimStart(" \t");
            if (terminated && trimmed.IsEmpty)
            {
                lastIndex = j;
                continue;
            }

            if (DotNetFrameLine.TryParse(line, out var frame))
            {
                Flush(pending, chain);
                blocks[^1].Add(frame!);
                inFrames = evidence = true;
                lastIndex = j;
                continue;
            }

            var marker = DotNetMarkers.Classify(trimmed);
            if (marker == DotNetMarker.Trailer && inFrames)
            {
                lastIndex = j;
                continue;
            }

            if (marker is DotNetMarker.EndOfInner or DotNetMarker.Continue)
            {
                Flush(pending, chain);
                if (marker == DotNetMarker.EndOfInner)
                    blocks.Add([]);
                inFrames = evidence = true;
                lastIndex = j;
                continue;
            }

            if (trimmed.StartsWith("---> ", StringComparison.Ordinal))
            {
                var text = trimmed[5..];
                if (text.StartsWith(SiblingStart, StringComparison.Ordinal))
                {
                    var close = text.IndexOf(") ", StringComparison.Ordinal);
                    if (depth >= MaxDepth || close < 0)
                        break;
                    var column = line.Length - trimmed.Length + "---> ".Length + close + ") ".Length;
                    var member = ReadChain(j, column, sibling: true, strict: false, depth + 1, out var memberLast);
                    if (member is null)
                        break;
                    // A frameless member closes itself with "<---" on this line; that does not close this exception.
                    terminated = false;
                    Flush(pending, chain);
                    member.Relation = ExceptionRelation.Inner;
                    siblings.Add(member);
                    inFrames = evidence = true;
                    lastIndex = j = memberLast;
                    continue;
                }

                if (!inFrames && DotNetSegments.AddHeader(text, chain, pending))
                {
                    evidence = true;
                    lastIndex = j;
                    continue;
                }
            }

            // Anything else ends the frames; before them it continues the current exception's message.
            if (strict && j == start + 1)
                return null;
            if (inFrames)
                break;
            if (DotNetFrameLine.StartsLikeFrame(trimmed) || j - start > MaxMessageLines)
                break;
            if (DotNetSegments.AddContinuation(line, chain, pending))
            {
                evidence = true;
                lastIndex = j;
            }
        }

        if ((!evidence && !sibling) || (strict && start + 1 >= _lines.Count))
            return null;
        return Assemble(chain, blocks, siblings);
    }

    private static ExceptionInfo Assemble(List<ExceptionInfo> chain, List<List<Frame>> blocks, List<ExceptionInfo> siblings)
    {
        // Block 1 belongs to the innermost exception, block 2 to the next one out; extra blocks go to the top.
        var innermost = chain.Count - 1;
        for (var b = 0; b < blocks.Count; b++)
            chain[Math.Max(innermost - b, 0)].Frames.AddRange(blocks[b]);

        var head = chain[0];
        for (var i = 1; i < chain.Count; i++)
        {
            chain[i].Relation = ExceptionRelation.Inner;
            head.Causes.Add(chain[i]);
        }

        head.Causes.AddRange(siblings);
        return head;
    }

    private static void Flush(List<string> pending, List<ExceptionInfo> chain)
    {
        if (pending.Count == 0)
            return;
        chain[^1].MessageContinuation.AddRange(pending);
        pending.Clear();
    }

    /// <summary>AggregateException closes each sibling with <c>&lt;---</c> at the end of its last line.</summary>
    private static ReadOnlySpan<char> StripSiblingEnd(ReadOnlySpan<char> line, out bool terminated)
    {
        var trimmed = line.TrimEnd(" \t");
        terminated = false;
        if (!trimmed.EndsWith(SiblingEnd, StringComparison.Ordinal))
            return line;
        terminated = true;
        return trimmed[..^SiblingEnd.Length];
    }
}
