using Culprit.Ingestion;

namespace Culprit.Framing;

/// <summary>Joins continuation lines (stack frames, wrapped messages) to the entry that started them.</summary>
public interface IFramer
{
    IEnumerable<RawEntry> Frame(string source, IEnumerable<SourceLine> lines);
}
