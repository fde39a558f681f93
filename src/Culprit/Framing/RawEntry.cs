namespace Culprit.Framing;

/// <summary>The physical lines of one entry before parsing: a header line and its continuation lines.</summary>
public sealed class RawEntry
{
    public RawEntry(string source, long firstLine, long byteOffset)
    {
        Source = source;
        FirstLine = firstLine;
        ByteOffset = byteOffset;
    }

    public string Source { get; }

    public long FirstLine { get; }

    public long ByteOffset { get; }

    public List<string> Lines { get; } = [];

    public long LastLine => FirstLine + Lines.Count - 1;

    /// <summary>Byte offset just after the entry's last line: where reading resumes once the entry is stored.</summary>
    public long EndOffset { get; set; }

    /// <summary>True when the first line starts with a recognised header (timestamp, level, JSON object, syslog priority).</summary>
    public bool StartsWithHeader { get; set; }

    /// <summary>Why the entry is not clean (a cut line, a forced split); null when clean.</summary>
    public string? Note { get; set; }

    public void AddNote(string note) => Note = Note is null ? note : Note + "; " + note;
}
