using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>
/// Reads Rust panics: <c>thread 'NAME' panicked at FILE:LINE:COL:</c> with the message on the following lines
/// (Rust 1.73 and later) or <c>thread 'NAME' panicked at 'MESSAGE', FILE:LINE:COL</c> (earlier), then an optional
/// <c>stack backtrace:</c> and the closing <c>note:</c> line.
/// </summary>
public sealed class RustTraceParser : ITraceParser
{
    private const string PanickedAt = " panicked at ";
    private const string ThreadQuote = "thread '";

    /// <summary>How far a multi-line message may run before its end must have been found.</summary>
    private const int MaxMessageLines = 100;

    public Runtime Runtime => Runtime.Rust;

    public bool TryParse(TraceLines lines, int start, out TraceMatch match)
    {
        match = default;
        var line = lines[start];
        var at = line.IndexOf(PanickedAt, StringComparison.Ordinal);
        if (at < 0 || !TryReadThread(line.AsSpan(0, at), out var thread))
            return false;

        var exception = new ExceptionInfo { Type = "panic", Thread = thread };
        var rest = line.AsSpan(at + PanickedAt.Length).TrimEnd();
        var last = rest.StartsWith('\'')
            ? ReadQuotedMessage(lines, start, rest, exception)
            : ReadMessageLines(lines, start, rest, exception);
        if (last < 0)
            return false;

        var next = last + 1;
        if (next < lines.Count && IsBacktraceHeader(lines[next]))
        {
            last = Math.Max(next, RustBacktrace.Read(lines, next + 1, exception.Frames));
            next = last + 1;
        }

        if (next < lines.Count && IsNote(lines[next]))
            last = next;
        match = new TraceMatch(exception, start, last);
        return true;
    }

    /// <summary>The thread name from <c>thread 'NAME'</c> or <c>thread 'NAME' (ID)</c> just before "panicked at".</summary>
    private static bool TryReadThread(ReadOnlySpan<char> head, out string thread)
    {
        thread = "";
        var open = head.LastIndexOf(ThreadQuote, StringComparison.Ordinal);
        if (open < 0)
            return false;
        var quoted = head[(open + ThreadQuote.Length)..];
        var close = quoted.LastIndexOf('\'');
        if (close < 0)
            return false;
        var after = quoted[(close + 1)..];
        if (!after.IsEmpty && !IsThreadId(after))
            return false;
        thread = quoted[..close].ToString();
        return true;
    }

    /// <summary>Rust 1.88 and later print the thread id after the name: <c> (12345)</c>.</summary>
    private static bool IsThreadId(ReadOnlySpan<char> text)
    {
        if (text.Length < 4 || text[0] != ' ' || text[1] != '(' || text[^1] != ')')
            return false;
        foreach (var c in text[2..^1])
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }

        return true;
    }

    /// <summary>
    /// New format: the header ends with the location and a colon; the message is the next line, and further lines up
    /// to the <c>note:</c> or <c>stack backtrace:</c> line continue it. Returns the index of the last message line.
    /// </summary>
    private static int ReadMessageLines(TraceLines lines, int start, ReadOnlySpan<char> rest, ExceptionInfo exception)
    {
        // Rust 1.73 and later always print the column.
        if (rest.Length < 2 || rest[^1] != ':' || !RustLocation.TryParse(rest[..^1], out var location) || location.Column is null)
            return -1;
        exception.Location = location;

        var first = start + 1;
        if (first >= lines.Count)
        {
            exception.Message = "";
            exception.Truncated = true;
            return start;
        }

        if (IsNote(lines[first]) || IsBacktraceHeader(lines[first]))
        {
            exception.Message = "";
            return start;
        }

        exception.Message = lines[first];
        var end = FindMessageEnd(lines, first + 1);
        for (var i = first + 1; i < end; i++)
            exception.MessageContinuation.Add(lines[i]);
        return end - 1;
    }

    /// <summary>The index of the note or backtrace line that closes a message starting at <paramref name="from"/>; <paramref name="from"/> when none is near.</summary>
    private static int FindMessageEnd(TraceLines lines, int from)
    {
        var limit = Math.Min(lines.Count, from + MaxMessageLines);
        for (var i = from; i < limit; i++)
        {
            var line = lines[i];
            if (IsNote(line) || IsBacktraceHeader(line))
                return i;
            if (line.Contains(PanickedAt, StringComparison.Ordinal))
                break;
        }

        return from;
    }

    /// <summary>
    /// Old format: <c>'MESSAGE', FILE:LINE:COL</c>, where the message may span several lines. Returns the index of
    /// the line that closes the quote.
    /// </summary>
    private static int ReadQuotedMessage(TraceLines lines, int start, ReadOnlySpan<char> rest, ExceptionInfo exception)
    {
        var body = rest[1..];
        if (TrySplitQuotedEnd(body, out var message, out var location))
        {
            exception.Message = message.ToString();
            exception.Location = location;
            return start;
        }

        exception.Message = body.ToString();
        var limit = Math.Min(lines.Count, start + MaxMessageLines);
        for (var i = start + 1; i < limit; i++)
        {
            var line = lines[i];
            if (line.Contains(PanickedAt, StringComparison.Ordinal))
                break;
            if (TrySplitQuotedEnd(line.AsSpan().TrimEnd(), out var tail, out location))
            {
                for (var j = start + 1; j < i; j++)
                    exception.MessageContinuation.Add(lines[j]);
                exception.MessageContinuation.Add(tail.ToString());
                exception.Location = location;
                return i;
            }
        }

        // The closing quote never came: keep the first line of the message.
        exception.Truncated = true;
        return start;
    }

    private static bool TrySplitQuotedEnd(ReadOnlySpan<char> text, out ReadOnlySpan<char> message, out SourceLocation location)
    {
        message = default;
        location = null!;
        var close = text.LastIndexOf("', ", StringComparison.Ordinal);
        if (close < 0 || !RustLocation.TryParse(text[(close + 3)..], out location))
            return false;
        message = text[..close];
        return true;
    }

    private static bool IsNote(string line) => line.AsSpan().TrimStart().StartsWith("note: ", StringComparison.Ordinal);

    private static bool IsBacktraceHeader(string line) => line.AsSpan().Trim().SequenceEqual("stack backtrace:");
}
