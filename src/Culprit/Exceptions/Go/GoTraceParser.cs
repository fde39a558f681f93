using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>
/// Reads Go panics: the <c>panic:</c> (or <c>fatal error:</c>, or net/http's <c>http: panic serving</c>) line,
/// message continuation and <c>[signal ...]</c> lines, then every <c>goroutine N [state]:</c> block. The
/// exception's frames are those of the first goroutine; <c>created by</c> goes to <see cref="Goroutine.CreatedBy"/>.
/// </summary>
public sealed class GoTraceParser : ITraceParser
{
    /// <summary>Most lines between the panic line and the first goroutine (multi-line panic values).</summary>
    private const int MaxPreambleLines = 100;

    public Runtime Runtime => Runtime.Go;

    public bool TryParse(TraceLines lines, int start, out TraceMatch match)
    {
        match = default;
        if (!GoHeader.TryRead(lines[start], out var type, out var message))
            return false;
        var first = FindFirstGoroutine(lines, start + 1);
        if (first < 0)
            return false;

        var exception = new ExceptionInfo { Type = type, Message = message };
        AddContinuation(lines, start + 1, first, exception);
        var last = ReadGoroutines(lines, first, exception);
        if (exception.Goroutines.Count > 0)
            exception.Frames.AddRange(exception.Goroutines[0].Frames);
        match = new TraceMatch(exception, start, last);
        return true;
    }

    private static int FindFirstGoroutine(TraceLines lines, int from)
    {
        var end = Math.Min(lines.Count, from + MaxPreambleLines);
        for (var i = from; i < end; i++)
        {
            if (GoFrames.TryReadGoroutineHeader(lines[i], out _, out _))
                return i;
        }

        return -1;
    }

    /// <summary>Lines after the panic line up to the first blank or <c>[signal</c> line continue its message.</summary>
    private static void AddContinuation(TraceLines lines, int from, int end, ExceptionInfo exception)
    {
        for (var i = from; i < end; i++)
        {
            var text = lines[i];
            if (string.IsNullOrWhiteSpace(text) || text.AsSpan().TrimStart().StartsWith("[signal", StringComparison.Ordinal))
                return;
            exception.MessageContinuation.Add(text.TrimStart());
        }
    }

    /// <summary>Reads goroutine blocks separated by blank lines; returns the index of the last line of the last one.</summary>
    private static int ReadGoroutines(TraceLines lines, int first, ExceptionInfo exception)
    {
        var i = first;
        var last = first;
        while (i < lines.Count && GoFrames.TryReadGoroutineHeader(lines[i], out var id, out var state))
        {
            var goroutine = new Goroutine { Id = id, State = state };
            exception.Goroutines.Add(goroutine);
            last = ReadGoroutine(lines, i + 1, goroutine, exception, i);

            var next = last + 1;
            while (next < lines.Count && string.IsNullOrWhiteSpace(lines[next]))
                next++;
            i = next;
        }

        return last;
    }

    private static int ReadGoroutine(TraceLines lines, int from, Goroutine goroutine, ExceptionInfo exception, int last)
    {
        Frame? pending = null;
        for (var i = from; i < lines.Count; i++)
        {
            var text = lines[i];
            if (pending is not null && GoFrames.TryReadLocation(text, out var file, out var line))
            {
                pending.File = file;
                pending.Line = line;
                pending.Raw = pending.Raw + "\n" + text;
                pending = null;
            }
            else if (GoFrames.TryReadCreatedBy(text, out var createdBy))
            {
                goroutine.CreatedBy = createdBy;
                pending = createdBy;
            }
            else if (GoFrames.TryReadFunction(text, out var frame))
            {
                goroutine.Frames.Add(frame);
                pending = frame;
            }
            else if (!text.AsSpan().Trim().SequenceEqual("...additional frames elided..."))
            {
                return last;
            }

            last = i;
        }

        // The text ends after a function line whose location never came.
        if (pending is not null)
            exception.Truncated = true;
        return last;
    }
}
