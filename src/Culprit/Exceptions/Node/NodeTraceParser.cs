using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>Reads Node traces. Not written yet: recognises nothing.</summary>
public sealed class NodeTraceParser : ITraceParser
{
    public Runtime Runtime => Runtime.Node;

    public bool TryParse(TraceLines lines, int start, out TraceMatch match)
    {
        match = default;
        return false;
    }
}
