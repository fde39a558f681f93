namespace Culprit.Code.Index;

/// <summary>A chunk found by similarity; <see cref="Score"/> is the cosine similarity, from -1 to 1.</summary>
public sealed record SearchHit(ChunkRow Chunk, float Score);
