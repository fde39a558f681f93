namespace Culprit.Ingestion;

/// <summary>One physical line of a source: its text (without the line break), 1-based number, byte offset and whether it was cut.</summary>
public readonly record struct SourceLine(string Text, long Number, long ByteOffset, bool Cut);
