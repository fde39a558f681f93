using Culprit.Model;
using Culprit.Parsing;

namespace Culprit.Exceptions.Python;

/// <summary>
/// Reads one printed exception: a <c>Traceback</c> header (or a first <c>File</c> line), the frames with their
/// source, caret and annotation lines, and the final <c>Type: message</c> line with any further message lines;
/// for an exception group, its members after it.
/// </summary>
internal static class PythonBlockReader
{
    private const string TwistedMarker = "--- <exception caught here> ---";

    /// <summary>How far to look for the closing quotes of a remote traceback, so that a stray quote line costs little.</summary>
    private const int MaxQuotedLines = 2000;

    /// <param name="view">The lines at the chain's depth.</param>
    /// <param name="start">The first line of the block.</param>
    /// <param name="allowBare">Whether a final line alone (an exception that was never raised, so has no traceback) is a block.</param>
    /// <param name="block">The block read.</param>
    public static bool TryRead(PythonLineView view, int start, bool allowBare, out PythonBlock block)
    {
        block = default;
        if (!view.TryGet(start, out var content) || content.IsWhiteSpace())
            return false;

        var body = view;
        int framesFrom;
        var bareIndex = -1;
        if (view.Depth == 0 && IsTopGroupHeader(content))
        {
            body = view.AtDepth(1);
            framesFrom = start + 1;
        }
        else if (PythonSyntax.IsTracebackHeader(content) || PythonSyntax.IsGroupHeader(content))
        {
            framesFrom = start + 1;
        }
        else if (PythonSyntax.StartsWithFile(PythonSyntax.FrameText(content)))
        {
            framesFrom = start;
        }
        else if (allowBare && PythonSyntax.TryParseExceptionLine(content, out _, out _))
        {
            framesFrom = -1;
            bareIndex = start;
        }
        else if (allowBare && view.Depth == 0 && IsStacklessTopGroup(view, start, content))
        {
            body = view.AtDepth(1);
            framesFrom = -1;
            bareIndex = start;
        }
        else
        {
            return false;
        }

        var exception = new ExceptionInfo();
        var last = start;
        var exceptionIndex = bareIndex;
        if (framesFrom >= 0)
            exceptionIndex = ReadFrames(body, framesFrom, exception, ref last);

        if (exceptionIndex < 0)
        {
            // A header with nothing after it is not a trace; frames without a final line are a cut one.
            if (exception.Frames.Count == 0 && exception.Location is null && exception.FramesOmitted == 0)
                return false;
            exception.Truncated = true;
            block = new PythonBlock(exception, start, last, Bare: false);
            return true;
        }

        if (!body.TryGet(exceptionIndex, out var finalLine) || !PythonSyntax.TryParseExceptionLine(finalLine, out var type, out var message))
            return false;
        exception.Type = type;
        exception.Message = message;
        last = ReadContinuation(body, exceptionIndex + 1, exception, exceptionIndex);
        if (body.TryGetOuter(last + 1, out var next) && PythonGroupReader.IsFirstSeparator(next, body.Depth))
            last = PythonGroupReader.ReadMembers(body, last + 1, exception);

        block = new PythonBlock(exception, start, last, Bare: bareIndex >= 0);
        return true;
    }

    /// <summary>The <c>  + Exception Group Traceback</c> line of an outermost group.</summary>
    private static bool IsTopGroupHeader(ReadOnlySpan<char> content) =>
        content.StartsWith("  + ", StringComparison.Ordinal) && PythonSyntax.IsGroupHeader(content[4..]);

    /// <summary>An outermost group printed without a traceback: <c>  | ExceptionGroup: ...</c> then <c>  +-+---</c>.</summary>
    private static bool IsStacklessTopGroup(PythonLineView view, int start, ReadOnlySpan<char> content) =>
        content.StartsWith("  | ", StringComparison.Ordinal)
        && PythonSyntax.TryParseExceptionLine(content[4..], out _, out _)
        && view.TryGetOuter(start + 1, out var next)
        && PythonGroupReader.IsFirstSeparator(next, 1);

    /// <summary>Reads frames from <paramref name="from"/>; returns the index of the final exception line, or -1 when there is none.</summary>
    private static int ReadFrames(PythonLineView view, int from, ExceptionInfo exception, ref int last)
    {
        Frame? previous = null;
        var afterFile = false;
        for (var j = from; j < view.Count; j++)
        {
            if (!view.TryGet(j, out var content))
                return -1;
            if (content.IsWhiteSpace())
            {
                afterFile = false;
                continue;
            }

            var text = PythonSyntax.FrameText(content);
            if (PythonSyntax.StartsWithFile(text) && PythonSyntax.TryParseFileLine(text, out var file, out var line, out var function))
            {
                if (function is null)
                {
                    exception.Location = new SourceLocation(file, line);
                    previous = null;
                }
                else
                {
                    previous = new Frame { Function = function, File = file, Line = line, Raw = content.TrimEnd().ToString() };
                    exception.Frames.Add(previous);
                }

                last = j;
                afterFile = true;
                continue;
            }

            var wasAfterFile = afterFile;
            afterFile = false;
            if (PythonSyntax.TryParseRepeated(text, out var repeated))
            {
                exception.FramesOmitted += repeated;
                last = j;
                continue;
            }

            if (char.IsWhiteSpace(content[0]) || PythonSyntax.IsCaretLine(content) || text.StartsWith(TwistedMarker, StringComparison.Ordinal))
            {
                // Source, caret and loguru annotation lines; the first line after a frame is its source.
                if (wasAfterFile && previous is not null && !PythonSyntax.IsCaretLine(content))
                    previous.Raw += "\n" + content.TrimEnd().ToString();
                last = j;
                continue;
            }

            var isFinal = PythonSyntax.TryParseExceptionLine(content, out _, out _);
            if (wasAfterFile && (!isFinal || ContinuesFrames(view, j + 1)) && !StartsSomethingElse(content))
            {
                // A source line whose indentation a log shipper stripped.
                last = j;
                continue;
            }

            return isFinal ? j : -1;
        }

        return -1;
    }

    /// <summary>A traceback header or chain separator never is a source line, however it is indented.</summary>
    private static bool StartsSomethingElse(ReadOnlySpan<char> content) =>
        PythonSyntax.FindHeader(content, out _) >= 0 || PythonSyntax.StartsLikeSeparator(content);

    /// <summary>Whether the line at <paramref name="index"/> is unmistakably still inside a frame list.</summary>
    private static bool ContinuesFrames(PythonLineView view, int index)
    {
        if (!view.TryGet(index, out var content))
            return false;
        var text = PythonSyntax.FrameText(content);
        return PythonSyntax.StartsWithFile(text) || PythonSyntax.IsCaretLine(content) || PythonSyntax.TryParseRepeated(text, out _);
    }

    /// <summary>Further message lines up to a blank line, a separator, another trace or a log header; returns the last one read.</summary>
    private static int ReadContinuation(PythonLineView view, int from, ExceptionInfo exception, int last)
    {
        if (ReadQuotedTraceback(view, from, exception) is var quotedEnd and >= 0)
            return quotedEnd;

        for (var k = from; k < view.Count; k++)
        {
            if (!view.TryGet(k, out var content) || content.IsWhiteSpace())
                break;
            if (PythonSyntax.StartsLikeSeparator(content)
                || PythonSyntax.FindHeader(content, out _) >= 0
                || content.StartsWith(PythonSyntax.StackHeader, StringComparison.Ordinal)
                || PythonSyntax.StartsWithFile(PythonSyntax.FrameText(content))
                || (view.Depth == 0 && HeaderDetector.IsEntryStart(content.ToString()))
                || IntroducesNextTrace(view, k + 1))
            {
                break;
            }

            exception.MessageContinuation.Add(content.TrimEnd().ToString());
            last = k;
        }

        return last;
    }

    /// <summary>
    /// multiprocessing and concurrent.futures print the worker's traceback as the message of a
    /// <c>RemoteTraceback</c>, between lines of three double quotes; all of it is message text.
    /// Returns the closing quote line, or -1 when the message does not open with one.
    /// </summary>
    private static int ReadQuotedTraceback(PythonLineView view, int from, ExceptionInfo exception)
    {
        if (!view.TryGet(from, out var opening) || !PythonSyntax.IsTripleQuote(opening))
            return -1;
        var end = Math.Min(view.Count, from + MaxQuotedLines);
        for (var k = from + 1; k < end; k++)
        {
            if (!view.TryGet(k, out var content))
                return -1;
            if (!PythonSyntax.IsTripleQuote(content))
                continue;
            for (var i = from; i <= k; i++)
            {
                view.TryGet(i, out var line);
                exception.MessageContinuation.Add(line.TrimEnd().ToString());
            }

            return k;
        }

        return -1;
    }

    /// <summary>A line right before another traceback is the log message that introduces it, not part of this message.</summary>
    private static bool IntroducesNextTrace(PythonLineView view, int next) =>
        view.TryGet(next, out var content) && PythonSyntax.FindHeader(content, out _) >= 0;
}
