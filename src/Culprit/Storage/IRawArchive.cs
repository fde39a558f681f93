namespace Culprit.Storage;

/// <summary>The raw bytes that were ingested, compressed in chunks keyed by source and time, for re-processing.</summary>
public interface IRawArchive
{
    /// <summary>Stores one chunk (the raw lines <paramref name="firstLine"/>..<paramref name="lastLine"/> of a source); writing the same chunk twice keeps one.</summary>
    Task WriteAsync(ArchiveChunk chunk, ReadOnlyMemory<byte> raw, CancellationToken cancellationToken = default);

    /// <summary>The chunks stored for a source (or every source), in source then line order.</summary>
    IAsyncEnumerable<ArchiveChunk> ListAsync(string? source = null, CancellationToken cancellationToken = default);

    /// <summary>The raw (decompressed) bytes of a chunk.</summary>
    Task<Stream> OpenAsync(ArchiveChunk chunk, CancellationToken cancellationToken = default);

    /// <summary>Deletes chunks whose newest entry is older than the cutoff; returns how many.</summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}

/// <summary>One archived chunk: the source, its line range, the time range of its entries, and where it is stored.</summary>
public sealed record ArchiveChunk(string Source, long FirstLine, long LastLine, DateTimeOffset? From, DateTimeOffset? To, DateTimeOffset WrittenAt, string Key = "");
