using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>Reads Ruby traces. Not written yet: recognises nothing.</summary>
public sealed class RubyTraceParser : ITraceParser
{
    public Runtime Runtime => Runtime.Ruby;

    public bool TryParse(TraceLines lines, int start, out TraceMatch match)
    {
        match = default;
        return false;
    }
}
