namespace Culprit.Code.Index;

/// <summary>Where a searched chunk is: its file, lines and symbol (null for a window of a file without symbols).</summary>
public sealed record ChunkRow(long ChunkId, string Path, int StartLine, int EndLine, string? QualifiedName, string? Kind);
