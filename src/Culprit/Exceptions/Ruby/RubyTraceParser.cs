using System.Globalization;
using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>
/// Reads Ruby traces in their three printed forms: the uncaught-exception form
/// (<c>FILE:LINE:in `NAME': message (Type)</c>, whose location is also the first frame, then <c>from FILE:LINE:in `NAME'</c>
/// lines and, for a cause, the cause's own header and frames right after), the Rails log form
/// (<c>Type (message):</c> then cleaned frame lines) and the logger form (<c>Type: message</c> then bare frame lines).
/// </summary>
public sealed class RubyTraceParser : ITraceParser
{
    private const string In = ":in ";

    /// <summary>How far a multi-line message may run before the first frame must have been found.</summary>
    private const int MaxMessageLines = 20;

    public Runtime Runtime => Runtime.Ruby;

    public bool TryParse(TraceLines lines, int start, out TraceMatch match)
    {
        match = default;
        var line = lines[start];
        if (line.Length < 8)
            return false;
        if (line.Contains(In, StringComparison.Ordinal) && TryReadUncaught(lines, start, out match))
            return true;
        if (start + 1 >= lines.Count)
            return false;
        return RubyRailsHeader.TryRead(lines, start, out match) || TryReadLogged(lines, start, out match);
    }

    /// <summary>The uncaught form, with each cause printed after it.</summary>
    private static bool TryReadUncaught(TraceLines lines, int start, out TraceMatch match)
    {
        match = default;
        if (!TryReadUncaughtHeader(lines[start], lines[start], out var top, out var prefix))
            return false;

        var last = ReadFromLines(lines, start, top, prefix);
        while (last + 1 < lines.Count && TryReadUncaughtHeader(StripPrefix(lines[last + 1], prefix), lines[last + 1], out var cause, out _))
        {
            cause.Relation = ExceptionRelation.Cause;
            top.Causes.Add(cause);
            last = ReadFromLines(lines, last + 1, cause, prefix);
        }

        match = new TraceMatch(top, start, last);
        return true;
    }

    /// <summary>Reads <c>[prefix]FILE:LINE:in `NAME': message (Type)</c>; <paramref name="prefix"/> is the log prefix before the file.</summary>
    private static bool TryReadUncaughtHeader(ReadOnlySpan<char> text, string raw, out ExceptionInfo exception, out string prefix)
    {
        exception = null!;
        prefix = "";
        if (!RubyFrameLine.TryParseHeader(text, raw, out var frame, out var fileStart, out var restStart))
            return false;

        // Ruby puts " (Type)" after the first line of the message.
        var rest = text[restStart..].TrimEnd();
        if (rest.Length < 3 || rest[^1] != ')')
            return false;
        var open = rest.LastIndexOf('(');
        if (open < 0 || (open > 0 && rest[open - 1] != ' ') || !RubyNames.IsConstant(rest[(open + 1)..^1]))
            return false;

        exception = new ExceptionInfo
        {
            Runtime = Runtime.Ruby,
            Type = rest[(open + 1)..^1].ToString(),
            Message = rest[..Math.Max(0, open - 1)].ToString(),
        };
        exception.Frames.Add(frame);
        prefix = text[..fileStart].Trim().ToString();
        return true;
    }

    /// <summary>
    /// Reads the lines after an uncaught header: further message lines (only when <c>from</c> lines follow them),
    /// then the <c>from</c> frames and <c>... N levels...</c> markers. Returns the index of the last line read.
    /// </summary>
    private static int ReadFromLines(TraceLines lines, int header, ExceptionInfo exception, string prefix)
    {
        var first = FindFirstFrom(lines, header + 1, prefix);
        if (first < 0)
            return header;
        for (var i = header + 1; i < first; i++)
            exception.MessageContinuation.Add(lines[i]);

        var last = header;
        for (var i = first; i < lines.Count; i++)
        {
            var text = StripPrefix(lines[i], prefix).Trim();
            if (text.StartsWith("from ", StringComparison.Ordinal) && RubyFrameLine.TryParse(text[5..], lines[i], labelOptional: true, out var frame))
                exception.Frames.Add(frame);
            else if (TryReadLevels(text, out var omitted))
                exception.FramesOmitted += omitted;
            else
                break;
            last = i;
        }

        return last;
    }

    private static int FindFirstFrom(TraceLines lines, int from, string prefix)
    {
        var limit = Math.Min(lines.Count, from + MaxMessageLines);
        for (var i = from; i < limit; i++)
        {
            var text = StripPrefix(lines[i], prefix).TrimStart();
            if (text.StartsWith("from ", StringComparison.Ordinal))
                return i;

            // Another header or a frame of some other form: the message did not go on to a "from" line.
            if (text.Contains(In, StringComparison.Ordinal))
                break;
        }

        return -1;
    }

    /// <summary>Ruby shortens deep backtraces with <c>... 10067 levels...</c>.</summary>
    private static bool TryReadLevels(ReadOnlySpan<char> text, out int omitted)
    {
        omitted = 0;
        const string Levels = " levels...";
        if (!text.StartsWith("... ", StringComparison.Ordinal) || !text.EndsWith(Levels, StringComparison.Ordinal))
            return false;
        return int.TryParse(text[4..^Levels.Length], NumberStyles.None, CultureInfo.InvariantCulture, out omitted);
    }

    /// <summary>The logger form: <c>Type: message</c> followed directly by bare frame lines (<c>e.backtrace.join("\n")</c>).</summary>
    private static bool TryReadLogged(TraceLines lines, int start, out TraceMatch match)
    {
        match = default;
        if (!lines[start + 1].Contains(In, StringComparison.Ordinal))
            return false;
        var line = lines[start].AsSpan();
        var typeStart = RubyNames.FindTypeBefore(line, ": ", preferExceptionNames: true, out var typeEnd);
        if (typeStart < 0)
            return false;

        var exception = new ExceptionInfo
        {
            Runtime = Runtime.Ruby,
            Type = line[typeStart..typeEnd].ToString(),
            Message = line[(typeEnd + 2)..].TrimEnd().ToString(),
        };
        var last = ReadFrameLines(lines, start + 1, exception, line[..typeStart].Trim().ToString());
        if (last < 0)
            return false;
        match = new TraceMatch(exception, start, last);
        return true;
    }

    /// <summary>Reads bare frame lines from <paramref name="from"/>; returns the index of the last one, or -1 when there is none.</summary>
    internal static int ReadFrameLines(TraceLines lines, int from, ExceptionInfo exception, string prefix)
    {
        var last = -1;
        for (var i = from; i < lines.Count; i++)
        {
            if (!RubyFrameLine.TryParse(StripPrefix(lines[i], prefix), lines[i], labelOptional: false, out var frame))
                break;
            exception.Frames.Add(frame);
            last = i;
        }

        return last;
    }

    /// <summary>Drops a log prefix (a tag such as <c>[request-id]</c>) that every line of the trace repeats.</summary>
    internal static ReadOnlySpan<char> StripPrefix(string line, string prefix) =>
        prefix.Length > 0 && line.StartsWith(prefix, StringComparison.Ordinal) ? line.AsSpan(prefix.Length) : line.AsSpan();
}
