using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>
/// Reads PHP exceptions: the header (<c>PHP Fatal error:  Uncaught Type: message in FILE:LINE</c>, PHP 5's
/// <c>exception 'Type' with message '...' in FILE:LINE</c>, or Monolog's <c>[object] (Type(code: N): ... at FILE:LINE)</c>),
/// then <c>Stack trace:</c> with <c>#N ...</c> frames, chained exceptions, and the closing <c>thrown in ... on line N</c>.
/// </summary>
/// <remarks>
/// PHP prints a chain from the innermost previous exception out, each further one after <c>Next </c>: the last one
/// printed is the exception that was thrown and becomes the top level, the earlier ones its causes, nearest first.
/// Monolog prints the other way round (<c>[previous exception]</c> follows the exception it caused).
/// </remarks>
public sealed class PhpTraceParser : ITraceParser
{
    /// <summary>Blank lines PHP leaves between the links of a chain.</summary>
    private const int MaxBlankLinesBetweenLinks = 2;

    public Runtime Runtime => Runtime.Php;

    public bool TryParse(TraceLines lines, int start, out TraceMatch match)
    {
        match = default;
        if (PhpHeader.TryRead(lines, start, out var header))
        {
            var exception = ReadTrace(lines, header, out var last);
            match = new TraceMatch(exception, start, last);
            return true;
        }

        // A Monolog record on one line: the whole trace is inside that line.
        if (lines[start].Length < 40 || !PhpInlineTrace.TrySplit(lines[start], out var inner) || !PhpHeader.TryRead(inner, 0, out header))
            return false;
        match = new TraceMatch(ReadTrace(inner, header, out _), start, start);
        return true;
    }

    /// <summary>Reads frames, chained exceptions and the closing line after <paramref name="header"/>; <paramref name="last"/> is the trace's last line.</summary>
    private static ExceptionInfo ReadTrace(TraceLines lines, PhpHeader header, out int last)
    {
        var form = header.Form;
        List<ExceptionInfo>? chain = null;
        last = ReadFrames(lines, header);
        while (TryFindLink(lines, last + 1, form, out var linked))
        {
            chain ??= [header.Exception];
            chain.Add(linked.Exception);
            last = ReadFrames(lines, linked);
        }

        if (form != PhpHeaderForm.Monolog && last + 1 < lines.Count && IsThrownIn(lines[last + 1]))
            last++;
        return chain is null ? header.Exception : Link(chain, form);
    }

    /// <summary>Reads the <c>Stack trace:</c> block after a header; returns the index of the last line read.</summary>
    private static int ReadFrames(TraceLines lines, PhpHeader header)
    {
        var last = header.LastIndex;
        if (!PhpHeader.IsTraceStart(lines, last + 1, header.Form))
            return last;
        last++;
        var unescape = header.Form == PhpHeaderForm.Monolog;
        for (var i = last + 1; i < lines.Count && PhpFrameLine.TryParse(lines[i], unescape, out var frame); i++)
        {
            header.Exception.Frames.Add(frame);
            last = i;
        }

        return last;
    }

    private static bool TryFindLink(TraceLines lines, int from, PhpHeaderForm form, out PhpHeader linked)
    {
        linked = null!;
        for (var i = from; i < lines.Count && i <= from + MaxBlankLinesBetweenLinks; i++)
        {
            if (!lines[i].AsSpan().IsWhiteSpace())
                return PhpHeader.TryReadLinked(lines, i, form, out linked);
        }

        return false;
    }

    private static ExceptionInfo Link(List<ExceptionInfo> chain, PhpHeaderForm form)
    {
        if (form == PhpHeaderForm.Monolog)
        {
            for (var i = 1; i < chain.Count; i++)
                AddCause(chain[0], chain[i]);
            return chain[0];
        }

        var top = chain[^1];
        for (var i = chain.Count - 2; i >= 0; i--)
            AddCause(top, chain[i]);
        return top;
    }

    private static void AddCause(ExceptionInfo top, ExceptionInfo cause)
    {
        cause.Relation = ExceptionRelation.Cause;
        top.Causes.Add(cause);
    }

    private static bool IsThrownIn(string line) => line.AsSpan().TrimStart().StartsWith("thrown in ", StringComparison.Ordinal);
}
