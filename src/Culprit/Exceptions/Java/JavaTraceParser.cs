using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>Reads Java traces. Not written yet: recognises nothing.</summary>
public sealed class JavaTraceParser : ITraceParser
{
    public Runtime Runtime => Runtime.Java;

    public bool TryParse(TraceLines lines, int start, out TraceMatch match)
    {
        match = default;
        return false;
    }
}
