using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>Reads DotNet traces. Not written yet: recognises nothing.</summary>
public sealed class DotNetTraceParser : ITraceParser
{
    public Runtime Runtime => Runtime.DotNet;

    public bool TryParse(TraceLines lines, int start, out TraceMatch match)
    {
        match = default;
        return false;
    }
}
