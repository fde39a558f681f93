using Culprit.Exceptions.Python;
using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>
/// Reads Python tracebacks (CPython 2 and 3, loguru, exception groups): a chain starts at its first
/// <c>Traceback (most recent call last):</c> (after any log prefix on that line), at a first <c>File "..."</c>
/// line when the header is missing, or at a bare exception line that a chain separator follows.
/// Frames stay in printed order (outermost first); the exception printed last is the top level.
/// </summary>
public sealed class PythonTraceParser : ITraceParser
{
    public Runtime Runtime => Runtime.Python;

    public bool TryParse(TraceLines lines, int start, out TraceMatch match)
    {
        match = default;
        if (!TryFindStart(lines, start, out var skip))
            return false;

        var view = new PythonLineView(lines, start, skip, EveryLinePrefix(lines, start, skip));
        if (!PythonChainReader.TryRead(view, start, allowBareStart: false, out var top, out var last))
            return false;
        match = new TraceMatch(top, start, last);
        return true;
    }

    /// <summary>A few character checks decide most lines; <paramref name="skip"/> is the log prefix before a header.</summary>
    private static bool TryFindStart(TraceLines lines, int start, out int skip)
    {
        skip = 0;
        var line = lines[start].AsSpan();
        var first = 0;
        while (first < line.Length && char.IsWhiteSpace(line[first]))
            first++;
        if (first == line.Length)
            return false;

        var c = line[first];
        if ((c is 'F' or '>') && StartsHeaderless(lines, start))
            return true;

        skip = PythonSyntax.FindHeader(line, out _);
        if (skip >= 0)
            return true;

        // An exception that was never raised prints no traceback, only its final line (and message), before the
        // separator; a RemoteTraceback's message is the worker's traceback in triple quotes.
        skip = 0;
        return first == 0
            && (char.IsLetter(c) || c == '_')
            && start + 2 < lines.Count
            && ((lines[start + 1].AsSpan().IsWhiteSpace() && PythonSyntax.StartsLikeSeparator(lines[start + 2]))
                || PythonSyntax.IsTripleQuote(lines[start + 1]));
    }

    /// <summary>A <c>File</c> line starts a trace whose header is missing unless a frame list or a logging stack dump is already under way.</summary>
    private static bool StartsHeaderless(TraceLines lines, int start)
    {
        var text = PythonSyntax.FrameText(lines[start]);
        if (!PythonSyntax.StartsWithFile(text) || !PythonSyntax.TryParseFileLine(text, out _, out _, out _))
            return false;
        if (start == 0)
            return true;

        var previous = lines[start - 1].AsSpan();
        if (previous.IsWhiteSpace())
            return true;
        return !char.IsWhiteSpace(previous[0])
            && !PythonSyntax.StartsWithFile(PythonSyntax.FrameText(previous))
            && !previous.TrimEnd().EndsWith(PythonSyntax.StackHeader, StringComparison.Ordinal);
    }

    /// <summary>
    /// The header's log prefix when the next line repeats it (<c>web_1  | </c> on every line); null when only the
    /// header line carries it.
    /// </summary>
    private static string? EveryLinePrefix(TraceLines lines, int start, int skip)
    {
        if (skip == 0 || start + 1 >= lines.Count)
            return null;
        var prefix = lines[start].AsSpan(0, skip);
        var next = lines[start + 1].AsSpan();
        if (!next.StartsWith(prefix, StringComparison.Ordinal))
            return null;
        var rest = next[skip..];
        return PythonSyntax.StartsWithFile(PythonSyntax.FrameText(rest)) || rest.StartsWith("  | ", StringComparison.Ordinal)
            ? prefix.ToString()
            : null;
    }
}
