using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>
/// Reads a JavaScript error from its header line on: message continuation lines, V8 or browser frames,
/// <c>... N lines matching cause stack trace ...</c>, and the <c>{ ... }</c> properties block with its
/// <c>[cause]: </c> links.
/// </summary>
internal static class NodeErrorReader
{
    /// <summary>Most lines between a header and its first frame (multi-line messages such as assertion diffs).</summary>
    private const int MaxMessageLines = 30;

    /// <summary>Most lines of one properties block.</summary>
    private const int MaxBlockLines = 5000;

    private static readonly string[] ForeignStarts =
    [
        "at ", "from ", "File \"", "Traceback (", "Caused by", "--- ", "#", "goroutine ", "Stack trace:", "stack backtrace:",
    ];

    /// <summary>Reads a top-level error whose header is on <paramref name="index"/>; false when no frames follow a plain header.</summary>
    public static bool TryRead(TraceLines lines, int index, NodeHeader header, out ExceptionInfo exception, out int lastIndex)
    {
        exception = new ExceptionInfo { Type = header.Type, Message = header.Message };
        if (!TryFill(lines, index, header, exception, exception.Causes, isCause: false, out lastIndex, out var closed))
            return false;
        exception.Truncated = !closed;
        return true;
    }

    /// <summary>Reads a Firefox / Safari stack without a header line (type and message null); needs two frames.</summary>
    public static bool TryReadHeaderless(TraceLines lines, int index, out ExceptionInfo exception, out int lastIndex)
    {
        exception = null!;
        lastIndex = index;
        if (index + 1 >= lines.Count || lines[index].IndexOf('@', StringComparison.Ordinal) < 0)
            return false;
        if (!BrowserFrame.TryParse(lines[index], allowBareLocation: false, out var first) || first.Line is null
            || !BrowserFrame.TryParse(lines[index + 1], allowBareLocation: true, out _))
            return false;

        exception = new ExceptionInfo();
        lastIndex = ReadFrames(lines, index, browser: true, exception, out _);
        return true;
    }

    private static bool TryFill(TraceLines lines, int index, NodeHeader header, ExceptionInfo e, List<ExceptionInfo> chain, bool isCause, out int last, out bool closed)
    {
        closed = true;
        last = index;
        var baseIndent = InspectText.Indent(lines[index]);
        if (header.Bracketed)
        {
            if (header.BlockDepth > 0)
                closed = ReadBlock(lines, index + 1, baseIndent, header.BlockDepth, chain, ref last);
            return true;
        }

        // Only a type named like an error may carry a multi-line message before its frames.
        var maxMessageLines = header.HasErrorName ? MaxMessageLines : 0;
        var first = FindFirstFrame(lines, index + 1, maxMessageLines, out var browser);
        if (first < 0)
            return isCause;
        for (var i = index + 1; i < first; i++)
            e.MessageContinuation.Add(lines[i]);

        last = ReadFrames(lines, first, browser, e, out var opensBlock);
        if (opensBlock)
            closed = ReadBlock(lines, last + 1, baseIndent, 1, chain, ref last);
        else if (header.InspectBrace)
            ReadInspectProperties(lines, last + 1, ref last);
        return true;
    }

    /// <summary>Reads frames from <paramref name="first"/> on; returns the index of the last line read.</summary>
    private static int ReadFrames(TraceLines lines, int first, bool browser, ExceptionInfo e, out bool opensBlock)
    {
        opensBlock = false;
        var last = first;
        for (var i = first; i < lines.Count; i++)
        {
            var text = lines[i];
            Frame frame;
            var isFrame = browser
                ? BrowserFrame.TryParse(text, allowBareLocation: i > first, out frame)
                : V8Frame.TryParse(text, allowBareName: i > first, out frame, out opensBlock);
            if (isFrame)
            {
                e.Frames.Add(frame);
                last = i;
                if (opensBlock)
                    break;
            }
            else if (!browser && V8Frame.TryOmitted(text, out var omitted))
            {
                e.FramesOmitted += omitted;
                last = i;
            }
            else
            {
                break;
            }
        }

        return last;
    }

    /// <summary>The first frame line after a header, skipping message continuation lines; -1 when none follows.</summary>
    private static int FindFirstFrame(TraceLines lines, int from, int maxMessageLines, out bool browser)
    {
        browser = false;
        var end = Math.Min(lines.Count, from + maxMessageLines + 1);
        for (var i = from; i < end; i++)
        {
            var text = lines[i];
            if (V8Frame.TryParse(text, allowBareName: false, out _, out _))
                return i;
            if (BrowserFrame.TryParse(text, allowBareLocation: false, out _))
            {
                browser = true;
                return i;
            }

            if (IsForeign(text) || (NodeHeader.TryFind(text, 0, out var other) && other.HasErrorName))
                return -1;

            // A cause printed without frames is followed by the end of its enclosing block.
            var trimmed = text.AsSpan().TrimStart();
            if (!trimmed.IsEmpty && trimmed[0] is '}' or ']')
                return -1;
        }

        return -1;
    }

    /// <summary>Lines that start another runtime's frame or another trace: a message does not run past them.</summary>
    private static bool IsForeign(string line)
    {
        var s = line.AsSpan().TrimStart();
        foreach (var start in ForeignStarts)
        {
            if (s.StartsWith(start, StringComparison.Ordinal))
                return true;
        }

        return false;
    }

    /// <summary>
    /// Reads a <c>{ ... }</c> block after the frames (or a bracket header) up to its closing brace; a
    /// <c>[cause]: </c> line inside it is read as the next link of the chain. Returns false when it never closes.
    /// </summary>
    private static bool ReadBlock(TraceLines lines, int start, int baseIndent, int depth, List<ExceptionInfo> chain, ref int last)
    {
        var end = Math.Min(lines.Count, start + MaxBlockLines);
        for (var i = start; i < end; i++)
        {
            var text = lines[i];
            if (InspectText.IsBlank(text))
                return false;
            var indent = InspectText.Indent(text);
            if (text[indent] == '}' && indent <= baseIndent)
            {
                last = i;
                return true;
            }

            if (indent <= baseIndent)
                return false;
            if (text.AsSpan(indent).StartsWith("[cause]: ", StringComparison.Ordinal)
                && TryReadCause(lines, i, indent + "[cause]: ".Length, chain, out var causeLast))
            {
                last = causeLast;
                i = causeLast;
                continue;
            }

            last = i;
            depth += InspectText.BraceBalance(text);
            if (depth <= 0)
                return true;
        }

        return false;
    }

    private static bool TryReadCause(TraceLines lines, int index, int from, List<ExceptionInfo> chain, out int last)
    {
        last = index;
        if (!NodeHeader.TryReadAt(lines[index], from, out var header))
            return false;
        var cause = new ExceptionInfo { Type = header.Type, Message = header.Message, Relation = ExceptionRelation.Cause };
        chain.Add(cause);
        TryFill(lines, index, header, cause, chain, isCause: true, out last, out _);
        return true;
    }

    /// <summary>Old util.inspect form <c>{ Error: msg</c> ... frames ... <c>  code: 'X' }</c>: the properties after the frames.</summary>
    private static void ReadInspectProperties(TraceLines lines, int start, ref int last)
    {
        var depth = 1;
        var end = Math.Min(lines.Count, start + MaxBlockLines);
        for (var i = start; i < end; i++)
        {
            var text = lines[i];
            if (InspectText.IsBlank(text) || InspectText.Indent(text) == 0)
                return;
            last = i;
            depth += InspectText.BraceBalance(text);
            if (depth <= 0)
                return;
        }
    }
}
