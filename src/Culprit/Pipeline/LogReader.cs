using Culprit.Framing;
using Culprit.Ingestion;
using Culprit.Ingestion.Files;
using Culprit.Model;

namespace Culprit.Pipeline;

/// <summary>Reads log files into processed entries as a stream: file → lines → entries → parsed entries.</summary>
public sealed class LogReader
{
    private readonly IFramer _framer;
    private readonly EntryProcessor _processor;

    public LogReader(IFramer framer, EntryProcessor processor)
    {
        _framer = framer;
        _processor = processor;
    }

    public static LogReader CreateDefault(Culprit.Exceptions.InAppRules? inApp = null) => new(new FrameReader(), EntryProcessor.CreateDefault(inApp));

    /// <summary>Reads one file (or <c>-</c> for stdin) into processed entries.</summary>
    public IEnumerable<LogEntry> Read(string path, RunStats stats)
    {
        foreach (var raw in ReadRaw(path, stats))
            yield return Process(raw, stats);
    }

    /// <summary>Parses one framed entry and counts it.</summary>
    public LogEntry Process(RawEntry raw, RunStats stats)
    {
        var entry = _processor.Process(raw);
        stats.AddEntry(entry.Exceptions.Count, entry.ParseNote is not null);
        return entry;
    }

    /// <summary>Reads one file (or <c>-</c> for stdin) into framed entries. A file that cannot be opened is reported in <paramref name="stats"/>.</summary>
    public IEnumerable<RawEntry> ReadRaw(string path, RunStats stats)
    {
        Stream stream;
        try
        {
            stream = LogFiles.Open(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stats.AddProblem($"cannot read '{path}': {e.Message}");
            yield break;
        }

        using var reader = new LineReader(stream);
        foreach (var raw in _framer.Frame(path, Lines(reader, stats)))
            yield return raw;

        if (reader.Failure is { } failure)
            stats.AddProblem($"'{path}' ends early ({failure}); the {stats.Lines} lines before were read");
    }

    /// <summary>The reader's lines, counted into <paramref name="stats"/> in batches.</summary>
    internal static IEnumerable<SourceLine> Lines(LineReader reader, RunStats stats)
    {
        var lastOffset = reader.BytesRead;
        var batch = 0;
        while (reader.TryRead(out var line))
        {
            if (++batch == 4096)
            {
                stats.AddLines(batch, reader.BytesRead - lastOffset);
                lastOffset = reader.BytesRead;
                batch = 0;
            }

            yield return line;
        }

        stats.AddLines(batch, reader.BytesRead - lastOffset);
    }
}
