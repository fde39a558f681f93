using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>Reads Go traces. Not written yet: recognises nothing.</summary>
public sealed class GoTraceParser : ITraceParser
{
    public Runtime Runtime => Runtime.Go;

    public bool TryParse(TraceLines lines, int start, out TraceMatch match)
    {
        match = default;
        return false;
    }
}
