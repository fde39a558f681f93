using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>
/// Reads the Rails log form: <c>Type (message):</c>, a message that may run over several lines up to the one ending
/// in <c>):</c>, an optional <c>Causes:</c> list (Rails 7.1, one <c>Type (message)</c> per cause, nearest first), an
/// optional template excerpt (<c>  12: &lt;%= ... %&gt;</c>), then cleaned frame lines.
/// </summary>
internal static class RubyRailsHeader
{
    private const string Open = " (";
    private const string Close = "):";

    /// <summary>How far a multi-line message may run before its closing <c>):</c>.</summary>
    private const int MaxMessageLines = 20;

    /// <summary>Lines allowed between the header and the first frame: blank lines, causes and ActionView's template excerpt.</summary>
    private const int MaxPreambleLines = 30;

    public static bool TryRead(TraceLines lines, int start, out TraceMatch match)
    {
        match = default;
        var line = lines[start].AsSpan().TrimEnd();
        if (line.IndexOf(Open, StringComparison.Ordinal) < 0)
            return false;

        // A header on one line ends with "):"; otherwise the name must read as an exception before looking further.
        var closed = line.EndsWith(Close, StringComparison.Ordinal);
        var typeStart = RubyNames.FindTypeBefore(line, Open, preferExceptionNames: !closed, out var typeEnd);
        if (typeStart < 0 || (!closed && !RubyNames.LooksLikeException(line[typeStart..typeEnd])))
            return false;

        var exception = new ExceptionInfo { Runtime = Runtime.Ruby, Type = line[typeStart..typeEnd].ToString() };
        var message = line[(typeEnd + Open.Length)..];
        var headerLast = start;
        if (closed)
        {
            exception.Message = message[..^Close.Length].ToString();
        }
        else
        {
            headerLast = FindClose(lines, start + 1);
            if (headerLast < 0)
                return false;
            exception.Message = message.ToString();
            for (var i = start + 1; i < headerLast; i++)
                exception.MessageContinuation.Add(lines[i]);
            var tail = lines[headerLast].AsSpan().TrimEnd()[..^Close.Length];
            if (!tail.IsEmpty)
                exception.MessageContinuation.Add(tail.ToString());
        }

        var prefix = line[..typeStart].Trim().ToString();
        var last = RubyTraceParser.ReadFrameLines(lines, ReadPreamble(lines, headerLast + 1, prefix, exception), exception, prefix);
        if (last < 0)
            return false;
        match = new TraceMatch(exception, start, last);
        return true;
    }

    private static int FindClose(TraceLines lines, int from)
    {
        var limit = Math.Min(lines.Count, from + MaxMessageLines);
        for (var i = from; i < limit; i++)
        {
            var line = lines[i].AsSpan().TrimEnd();
            if (line.EndsWith(Close, StringComparison.Ordinal))
                return i;
            if (line.Contains(":in ", StringComparison.Ordinal))
                break;
        }

        return -1;
    }

    /// <summary>
    /// Reads what Rails prints between the header and the first frame: blank lines, the <c>Causes:</c> list and
    /// template excerpt lines (<c>N: source</c>). Returns the index of the first line after them.
    /// </summary>
    private static int ReadPreamble(TraceLines lines, int from, string prefix, ExceptionInfo exception)
    {
        var causes = false;
        var i = from;
        for (; i < lines.Count && i < from + MaxPreambleLines; i++)
        {
            var text = RubyTraceParser.StripPrefix(lines[i], prefix).Trim();
            if (text.IsEmpty || IsExcerptLine(text))
                continue;
            if (text.SequenceEqual("Causes:"))
                causes = true;
            else if (!causes || !TryReadCause(text, exception))
                break;
        }

        return i;
    }

    /// <summary>A line of the <c>Causes:</c> list: <c>Type (message)</c>.</summary>
    private static bool TryReadCause(ReadOnlySpan<char> text, ExceptionInfo exception)
    {
        if (text[^1] != ')' || RubyNames.FindTypeBefore(text, Open, preferExceptionNames: false, out var typeEnd) != 0)
            return false;
        exception.Causes.Add(new ExceptionInfo
        {
            Runtime = Runtime.Ruby,
            Type = text[..typeEnd].ToString(),
            Message = text[(typeEnd + Open.Length)..^1].ToString(),
            Relation = ExceptionRelation.Cause,
        });
        return true;
    }

    private static bool IsExcerptLine(ReadOnlySpan<char> text)
    {
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
            digits++;
        return digits > 0 && digits < text.Length && text[digits] == ':' && (digits + 1 == text.Length || text[digits + 1] == ' ');
    }
}
