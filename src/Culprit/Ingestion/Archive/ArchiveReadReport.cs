namespace Culprit.Ingestion.Archive;

/// <summary>What reading a source back from the archive found: chunks and lines read, lines missing between chunks, damaged chunks.</summary>
public sealed class ArchiveReadReport
{
    public int Chunks { get; internal set; }

    public long Lines { get; internal set; }

    /// <summary>Lines absent between the first and last archived line (chunks deleted by retention, or never written).</summary>
    public long MissingLines { get; internal set; }

    /// <summary>Chunks that could not be read, or whose line count does not match their range, each with the reason.</summary>
    public List<string> Problems { get; } = [];
}
