namespace Culprit.Code.Index;

/// <summary>A commit whose files are in the index, with what was counted and which embedder made its vectors.</summary>
public sealed record IndexedCommit(string CommitSha, DateTimeOffset IndexedAt, string? Embedder, int FileCount, int SymbolCount, int ChunkCount);
