namespace Culprit.Code.Index;

/// <summary>One stored file version of a commit.</summary>
public sealed record IndexedFile(long Id, string Path, string BlobSha, string? Language);
