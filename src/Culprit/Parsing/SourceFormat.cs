namespace Culprit.Parsing;

/// <summary>The format last seen in one source. Shared between threads: a stale read only costs a detection.</summary>
internal sealed class SourceFormat
{
    public SourceFormat(string source) => Source = source;

    public string Source { get; }

    public EntryFormat Format { get; set; }
}
