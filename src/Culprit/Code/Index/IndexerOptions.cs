namespace Culprit.Code.Index;

/// <summary>Limits and batch sizes of <see cref="CodeIndexer"/>.</summary>
public sealed class IndexerOptions
{
    /// <summary>Files larger than this are not indexed (1 MB).</summary>
    public long MaxFileBytes { get; init; } = 1024 * 1024;

    /// <summary>Files read, parsed, chunked, embedded and stored together; one store transaction each.</summary>
    public int BatchFiles { get; init; } = 500;

    /// <summary>Chunk documents handed to the embedder at once (progress is reported after each).</summary>
    public int EmbedBatch { get; init; } = 256;

    /// <summary>How many of the repository's most recently indexed commits are considered for the nearest one.</summary>
    public int NearestCandidates { get; init; } = 20;

    public ChunkerOptions? Chunker { get; init; }
}
