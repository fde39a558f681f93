namespace Culprit.Storage;

/// <summary>
/// The raw lines that were ingested, compressed in chunks keyed by source and time, for re-processing.
/// Implementations: <c>Storage/Archive/FolderArchive</c> (a local folder) and <c>Storage/Archive/S3Archive</c>
/// (any S3-compatible store).
/// </summary>
public interface IRawArchive
{
    /// <summary>
    /// Stores one chunk (the raw lines <see cref="ArchiveChunk.FirstLine"/>..<see cref="ArchiveChunk.LastLine"/> of a
    /// source) atomically: a chunk is listed whole or not at all. Writing the same chunk twice keeps one.
    /// </summary>
    Task WriteAsync(ArchiveChunk chunk, ReadOnlyMemory<byte> raw, CancellationToken cancellationToken = default);

    /// <summary>The chunks stored for a source (or every source), in source (ordinal) then line order.</summary>
    IAsyncEnumerable<ArchiveChunk> ListAsync(string? source = null, CancellationToken cancellationToken = default);

    /// <summary>The raw (decompressed) bytes of a chunk; <see cref="FileNotFoundException"/> when it is not stored.</summary>
    Task<Stream> OpenAsync(ArchiveChunk chunk, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes chunks whose newest entry (<see cref="ArchiveChunk.To"/>, or <see cref="ArchiveChunk.WrittenAt"/> for a
    /// chunk without timestamps) is older than the cutoff; returns how many.
    /// </summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}
