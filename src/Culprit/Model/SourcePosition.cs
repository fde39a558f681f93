namespace Culprit.Model;

/// <summary>Where an entry was read: the source's name, the 1-based line range and the byte offset of its first line.</summary>
public readonly record struct SourcePosition(string Source, long FirstLine, long LastLine, long ByteOffset);
