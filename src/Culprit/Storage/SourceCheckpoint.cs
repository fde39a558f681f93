namespace Culprit.Storage;

/// <summary>How far a source has been read: for files the path, inode, byte offset and line number after the last stored entry.</summary>
public sealed record SourceCheckpoint(string Source, string? Inode, long Offset, long Line, DateTimeOffset UpdatedAt);
