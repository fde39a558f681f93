using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>Reads Rust traces. Not written yet: recognises nothing.</summary>
public sealed class RustTraceParser : ITraceParser
{
    public Runtime Runtime => Runtime.Rust;

    public bool TryParse(TraceLines lines, int start, out TraceMatch match)
    {
        match = default;
        return false;
    }
}
