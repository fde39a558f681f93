using Culprit.Ingestion;
using Culprit.Parsing;

namespace Culprit.Framing;

/// <summary>
/// Starts a new entry at each line that begins with a header (timestamp, level, JSON object, syslog
/// priority) and joins every other line to the entry before it. Lines before the first header form
/// headerless entries, which trace parsers still read. Entries are capped so that a file without headers
/// never sits in memory whole.
/// </summary>
public sealed class FrameReader : IFramer
{
    public FrameReader(FramingOptions? options = null) => Options = options ?? new FramingOptions();

    public FramingOptions Options { get; }

    public IEnumerable<RawEntry> Frame(string source, IEnumerable<SourceLine> lines)
    {
        RawEntry? current = null;
        var bytes = 0L;
        foreach (var line in lines)
        {
            var header = HeaderDetector.IsEntryStart(line.Text);
            var split = current is not null
                && (current.Lines.Count >= Options.MaxEntryLines || bytes >= Options.MaxEntryBytes);
            if (current is null || header || split)
            {
                if (current is not null)
                    yield return current;
                current = new RawEntry(source, line.Number, line.ByteOffset) { StartsWithHeader = header };
                if (split && !header)
                    current.AddNote($"entry split after {Options.MaxEntryLines} lines or {Options.MaxEntryBytes} bytes");
                bytes = 0;
            }

            current.Lines.Add(line.Text);
            current.EndOffset = line.EndOffset;
            bytes += line.Text.Length;
            if (line.Cut)
                current.AddNote($"line {line.Number} cut at {LineReader.MaxLineBytes} bytes");
            if (line.Text.Contains('\uFFFD', StringComparison.Ordinal) && current.Note?.Contains("invalid UTF-8", StringComparison.Ordinal) != true)
                current.AddNote($"invalid UTF-8 replaced on line {line.Number}");
        }

        if (current is not null)
            yield return current;
    }
}
