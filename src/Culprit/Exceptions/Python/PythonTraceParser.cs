using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>Reads Python traces. Not written yet: recognises nothing.</summary>
public sealed class PythonTraceParser : ITraceParser
{
    public Runtime Runtime => Runtime.Python;

    public bool TryParse(TraceLines lines, int start, out TraceMatch match)
    {
        match = default;
        return false;
    }
}
