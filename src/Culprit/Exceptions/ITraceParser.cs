using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>Reads one runtime's trace format.</summary>
public interface ITraceParser
{
    Runtime Runtime { get; }

    /// <summary>
    /// Tries to read a trace whose header (or, for formats without one, first frame) is on
    /// <paramref name="lines"/>[<paramref name="start"/>]. Returns false quickly when that line cannot start one.
    /// On success the match's <see cref="TraceMatch.LastIndex"/> is the last line that belongs to the trace.
    /// </summary>
    bool TryParse(TraceLines lines, int start, out TraceMatch match);
}
