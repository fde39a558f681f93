using Culprit.Framing;
using Culprit.Model;

namespace Culprit.Parsing;

/// <summary>Picks the format of each entry (JSON object or plain text) and fills a <see cref="LogEntry"/>.</summary>
public sealed class EntryParser : IEntryParser
{
    public LogEntry Parse(RawEntry raw)
    {
        var entry = new LogEntry
        {
            Position = new SourcePosition(raw.Source, raw.FirstLine, raw.LastLine, raw.ByteOffset),
            ParseNote = raw.Note,
        };
        var first = raw.Lines[0];
        if (first.Length > 1 && first[0] == '{' && JsonEntryParser.TryParse(first, entry))
        {
            entry.Format = "json";
            AppendContinuation(raw, entry);
            return entry;
        }

        PlainEntryParser.Parse(raw, entry);
        return entry;
    }

    private static void AppendContinuation(RawEntry raw, LogEntry entry)
    {
        if (raw.Lines.Count == 1)
            return;
        entry.ParseNote = (entry.ParseNote is null ? "" : entry.ParseNote + "; ")
            + $"{raw.Lines.Count - 1} line(s) after the JSON object kept in the message";
        entry.Message += "\n" + string.Join('\n', raw.Lines.Skip(1));
    }
}
