using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>
/// Reads .NET traces (<c>Exception.ToString()</c> as .NET Framework, .NET Core and Mono print it): a
/// <c>Type: message</c> header, possibly after a log prefix, with its <c> ---&gt; </c> inner exceptions and
/// <c>at ...</c> frames. A header counts only when a .NET frame, marker or inner exception follows, so Java and
/// Node traces (whose frames differ) fall through to their parsers.
/// </summary>
public sealed class DotNetTraceParser : ITraceParser
{
    public Runtime Runtime => Runtime.DotNet;

    public bool TryParse(TraceLines lines, int start, out TraceMatch match)
    {
        match = default;
        if (!DotNetHeader.TryLocate(lines[start], out var typeStart, out var qualified))
            return false;

        var exception = new DotNetChainReader(lines).Read(start, typeStart, strict: !qualified, out var last);
        if (exception is null)
            return false;
        match = new TraceMatch(exception, start, last);
        return true;
    }
}
