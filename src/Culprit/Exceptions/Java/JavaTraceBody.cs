using Culprit.Model;
using Culprit.Parsing;

namespace Culprit.Exceptions.Java;

/// <summary>
/// Reads the lines after a JVM header: frames, omission counts, <c>Caused by:</c> links and indented
/// <c>Suppressed:</c> blocks, each attached where Throwable.printStackTrace put it.
/// </summary>
internal static class JavaTraceBody
{
    /// <summary>How many message lines a header may have before its first frame.</summary>
    internal const int MaxMessageLines = 30;

    /// <summary>
    /// A level of nesting: the exception taking frames now, the exception whose chain a <c>Caused by:</c> at this
    /// level extends, and the indentation of the <c>Suppressed:</c> line that opened it (-1 for the top level).
    /// </summary>
    private sealed class Level(ExceptionInfo owner, int indent)
    {
        public ExceptionInfo Owner { get; } = owner;

        public ExceptionInfo Current { get; set; } = owner;

        public int Indent { get; } = indent;
    }

    /// <summary>
    /// Reads the body of <paramref name="top"/> starting at <paramref name="index"/>, which must be a body line.
    /// Returns the index of the last line that belongs to the trace.
    /// </summary>
    public static int Read(TraceLines lines, int index, ExceptionInfo top)
    {
        var levels = new List<Level> { new(top, -1) };
        var last = index - 1;
        var i = index;
        while (i < lines.Count)
        {
            var line = JavaBodyLine.Read(lines[i]);
            switch (line.Kind)
            {
                case JavaLineKind.Frame:
                    LevelFor(levels, line.Indent, popAtIndent: true).Current.Frames.Add(line.Frame!);
                    break;
                case JavaLineKind.Omitted:
                    LevelFor(levels, line.Indent, popAtIndent: true).Current.FramesOmitted += line.Omitted;
                    break;
                case JavaLineKind.CircularReference:
                    break;
                case JavaLineKind.CausedBy:
                {
                    var level = LevelFor(levels, line.Indent, popAtIndent: false);
                    var cause = Linked(line.HeaderText!, ExceptionRelation.CausedBy);
                    level.Owner.Causes.Add(cause);
                    level.Current = cause;
                    i = ReadMessageLines(lines, i, cause);
                    last = i;
                    i++;
                    continue;
                }

                case JavaLineKind.Suppressed:
                {
                    var level = LevelFor(levels, line.Indent, popAtIndent: true);
                    var suppressed = Linked(line.HeaderText!, ExceptionRelation.Suppressed);
                    level.Current.Suppressed.Add(suppressed);
                    levels.Add(new Level(suppressed, line.Indent));
                    i = ReadMessageLines(lines, i, suppressed);
                    last = i;
                    i++;
                    continue;
                }

                case JavaLineKind.Blank:
                    var next = NextNonBlank(lines, i);
                    if (next < lines.Count && JavaBodyLine.IsBodyLine(lines[next]))
                    {
                        i = next;
                        continue;
                    }

                    return last;
                default:
                    if (i == lines.Count - 1 && JavaFrameLine.TryParseCut(lines[i], out var cut))
                    {
                        LevelFor(levels, line.Indent, popAtIndent: true).Current.Frames.Add(cut);
                        top.Truncated = true;
                        return i;
                    }

                    return last;
            }

            last = i;
            i++;
        }

        return last;
    }

    /// <summary>
    /// Finds the first body line after a header at <paramref name="header"/>, allowing message lines in between.
    /// Returns its index; -1 when none follows; -2 when frames of another runtime follow.
    /// </summary>
    public static int FindBody(TraceLines lines, int header)
    {
        var limit = Math.Min(lines.Count, header + 1 + MaxMessageLines);
        for (var i = header + 1; i < limit; i++)
        {
            var text = lines[i];
            var line = JavaBodyLine.Read(text);
            if (line.IsBody)
                return i;
            if (line.Kind == JavaLineKind.ForeignFrame)
                return -2;
            if (line.Kind == JavaLineKind.Blank)
                continue;
            if (HeaderDetector.IsEntryStart(text) || StartsAnotherTrace(lines, i))
                return -1;
        }

        return -1;
    }

    /// <summary>Adds the lines between a header and its first body line to its message; returns the last one read.</summary>
    public static int ReadMessageLines(TraceLines lines, int header, ExceptionInfo exception)
    {
        var body = FindBody(lines, header);
        if (body <= header + 1)
            return header;
        var end = body - 1;
        while (end > header && string.IsNullOrWhiteSpace(lines[end]))
            end--;
        for (var i = header + 1; i <= end; i++)
            exception.MessageContinuation.Add(lines[i]);
        return body - 1;
    }

    /// <summary>A line at the start of the text that is a throwable's header with its own frames right below.</summary>
    private static bool StartsAnotherTrace(TraceLines lines, int i) =>
        i + 1 < lines.Count
        && JavaBodyLine.Read(lines[i + 1]).Kind == JavaLineKind.Frame
        && JavaHeader.TryReadAt(lines[i], 0, out var type, out _)
        && JavaNames.IsThrowableName(type);

    private static ExceptionInfo Linked(string text, ExceptionRelation relation)
    {
        var (type, message) = JavaHeader.ReadLinked(text);
        return new ExceptionInfo { Type = type, Message = message, Relation = relation };
    }

    /// <summary>
    /// Leaves the suppressed blocks a line at <paramref name="indent"/> is outside of: a frame is outside a block
    /// when it is not indented deeper than the block's <c>Suppressed:</c> line, a <c>Caused by:</c> when it is
    /// indented less.
    /// </summary>
    private static Level LevelFor(List<Level> levels, int indent, bool popAtIndent)
    {
        while (levels.Count > 1)
        {
            var level = levels[^1];
            if (popAtIndent ? indent > level.Indent : indent >= level.Indent)
                break;
            levels.RemoveAt(levels.Count - 1);
        }

        return levels[^1];
    }

    private static int NextNonBlank(TraceLines lines, int i)
    {
        while (i < lines.Count && string.IsNullOrWhiteSpace(lines[i]))
            i++;
        return i;
    }
}
