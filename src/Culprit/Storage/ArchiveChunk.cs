namespace Culprit.Storage;

/// <summary>
/// One archived chunk: the source, its line range (both ends included, every line in between present), the time
/// range of its entries, when it was written, and where it is stored.
/// </summary>
/// <param name="Source">The source name as ingested (a path, a stream name); chunks of one source never overlap.</param>
/// <param name="FirstLine">1-based number of the chunk's first line in the source.</param>
/// <param name="LastLine">Number of its last line.</param>
/// <param name="From">Oldest entry timestamp in the chunk, or null when no entry had one.</param>
/// <param name="To">Newest entry timestamp in the chunk, or null when no entry had one.</param>
/// <param name="WrittenAt">When the chunk was written (as listed, the store's modification time).</param>
/// <param name="Key">
/// Where the chunk is stored, relative to the archive's root (see <c>docs/storage.md</c>); empty on a chunk that
/// is about to be written, set on every listed chunk.
/// </param>
public sealed record ArchiveChunk(string Source, long FirstLine, long LastLine, DateTimeOffset? From, DateTimeOffset? To, DateTimeOffset WrittenAt, string Key = "")
{
    /// <summary>How many lines the chunk holds.</summary>
    public long LineCount => LastLine - FirstLine + 1;

    /// <summary>The instant retention compares with its cutoff: the newest entry, or the write time when no entry had a timestamp.</summary>
    public DateTimeOffset RetentionTime => To ?? WrittenAt;
}
