namespace Culprit.Code.Index;

/// <summary>What one indexing run did.</summary>
public sealed record IndexResult
{
    public required string RepositoryId { get; init; }

    public required string Commit { get; init; }

    /// <summary>The indexed ancestor fewest commits away, or null when none is indexed.</summary>
    public string? NearestIndexedCommit { get; init; }

    /// <summary>Commits from <see cref="NearestIndexedCommit"/> to <see cref="Commit"/>.</summary>
    public int? CommitsSinceNearest { get; init; }

    /// <summary>Files changed between <see cref="NearestIndexedCommit"/> and <see cref="Commit"/> (any file, renames counted once).</summary>
    public int? FilesChangedSinceNearest { get; init; }

    /// <summary>Every file in the commit's tree.</summary>
    public int TreeFiles { get; init; }

    /// <summary>Code files indexed at this commit (reused + parsed).</summary>
    public int Files { get; init; }

    /// <summary>Code files left out: too large, vendored, generated or binary.</summary>
    public int FilesSkipped { get; init; }

    /// <summary>Files whose (path, blob) was stored already, so they were not read or parsed.</summary>
    public int FilesReused { get; init; }

    public int FilesParsed { get; init; }

    /// <summary>Files parsed with a note (parse error, ctags missing).</summary>
    public int FilesWithNotes { get; init; }

    /// <summary>Files parsed but left out of the commit because their extractor's tool could not run (ctags missing); the next run parses them again.</summary>
    public int FilesNotStored { get; init; }

    /// <summary>Symbols of the commit (reused files included); <see cref="SymbolsParsed"/> of them were found in this run.</summary>
    public long Symbols { get; init; }

    public long SymbolsParsed { get; init; }

    /// <summary>Chunks of the commit (reused files included); <see cref="ChunksMade"/> of them were made in this run.</summary>
    public long Chunks { get; init; }

    public long ChunksMade { get; init; }

    /// <summary>Chunks whose vector was computed in this run; the others of <see cref="ChunksMade"/> reused a stored vector of the same document.</summary>
    public int ChunksEmbedded { get; init; }

    public string? Embedder { get; init; }

    public required IndexTimings Timings { get; init; }
}
