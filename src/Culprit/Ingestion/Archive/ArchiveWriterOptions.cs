using System.ComponentModel.DataAnnotations;

namespace Culprit.Ingestion.Archive;

/// <summary>How the archive writer cuts a source into chunks.</summary>
public sealed class ArchiveWriterOptions
{
    /// <summary>Raw bytes gathered before a chunk is written (default 8 MiB, 4 KiB to 256 MiB); a chunk ends at the first entry boundary past it.</summary>
    public int ChunkBytes { get; set; } = 8 << 20;

    /// <summary>Throws one <see cref="ValidationException"/> naming every problem.</summary>
    public void Validate()
    {
        if (ChunkBytes is < 4 << 10 or > 256 << 20)
            throw new ValidationException($"archive chunk size {ChunkBytes} bytes is out of range (4 KiB to 256 MiB)");
    }
}
