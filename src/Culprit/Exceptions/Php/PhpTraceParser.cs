using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>Reads Php traces. Not written yet: recognises nothing.</summary>
public sealed class PhpTraceParser : ITraceParser
{
    public Runtime Runtime => Runtime.Php;

    public bool TryParse(TraceLines lines, int start, out TraceMatch match)
    {
        match = default;
        return false;
    }
}
