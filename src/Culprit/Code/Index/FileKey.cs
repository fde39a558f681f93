namespace Culprit.Code.Index;

/// <summary>A file version: the same path with the same blob is the same file in every commit, stored once.</summary>
public readonly record struct FileKey(string Path, string BlobSha);
