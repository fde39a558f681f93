using Culprit.Exceptions.Java;
using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>
/// Reads JVM traces (Java, Kotlin, Scala) as Throwable.printStackTrace and the usual logging libraries print
/// them: a <c>Type: message</c> header (after a log prefix or <c>Exception in thread "..."</c> on the same line),
/// message lines up to the first frame, <c>at Q(LOC)</c> frames, <c>... N more</c>, <c>Caused by:</c> and
/// indented <c>Suppressed:</c> blocks. A header without frames is an exception only when the line is exactly a
/// package-qualified throwable's toString().
/// </summary>
public sealed class JavaTraceParser : ITraceParser
{
    public Runtime Runtime => Runtime.Java;

    public bool TryParse(TraceLines lines, int start, out TraceMatch match)
    {
        match = default;
        var text = lines[start];
        if (text.Length < 2 || !MayStartHeader(text, lines, start))
            return false;

        var bodyFollows = start + 1 < lines.Count && JavaBodyLine.IsBodyLine(lines[start + 1]);
        if (!JavaHeader.TryFind(text, bodyFollows, out var header))
            return false;

        var exception = new ExceptionInfo { Type = header.Type, Message = header.Message };
        int body;
        if (bodyFollows)
        {
            body = start + 1;
        }
        else
        {
            body = header.MayContinue ? JavaTraceBody.FindBody(lines, start) : -1;
            if (body == -2)
                return false;
            if (body < 0)
            {
                if (!header.StandsAlone)
                    return false;
                match = new TraceMatch(exception, start, start);
                return true;
            }

            JavaTraceBody.ReadMessageLines(lines, start, exception);
        }

        var last = JavaTraceBody.Read(lines, body, exception);
        match = new TraceMatch(exception, start, Math.Max(last, start));
        return true;
    }

    /// <summary>
    /// The cheap test run on every line: a header starts the line with a name, or sits after a log prefix with a
    /// frame or chain line right below it.
    /// </summary>
    private static bool MayStartHeader(string text, TraceLines lines, int start)
    {
        if (JavaNames.IsIdentifierStart(text[0]))
            return true;
        if (start + 1 >= lines.Count)
            return false;
        var next = lines[start + 1];
        return (next.Length > 3 && char.IsWhiteSpace(next[0])) || next.StartsWith("Caused by: ", StringComparison.Ordinal) || next.StartsWith("at ", StringComparison.Ordinal);
    }
}
