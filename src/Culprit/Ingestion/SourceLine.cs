namespace Culprit.Ingestion;

/// <summary>
/// One physical line of a source: its text (without the line break), 1-based number, the byte offset of its
/// start, whether it was cut, and the byte offset just after it (where reading resumes).
/// </summary>
public readonly record struct SourceLine(string Text, long Number, long ByteOffset, bool Cut, long EndOffset = 0);
