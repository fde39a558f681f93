using Culprit.Framing;
using Culprit.Model;

namespace Culprit.Parsing;

/// <summary>
/// Plain-text entries: the header of the first line (<see cref="PlainHeaderReader"/>) gives timestamp, level,
/// logger and thread; the message is the rest of that line plus the continuation lines, and key=value pairs in
/// the first message line become attributes. Lines with syslog's <c>host tag[pid]:</c> get format "syslog".
/// </summary>
public static class PlainEntryParser
{
    /// <summary>Fills <paramref name="entry"/> from <paramref name="raw"/>; stamps without a year or date are completed from the system clock.</summary>
    public static void Parse(RawEntry raw, LogEntry entry) => Parse(raw, entry, LogClock.System);

    internal static void Parse(RawEntry raw, LogEntry entry, LogClock clock)
    {
        var first = raw.Lines[0];
        var header = default(PlainHeader);
        PlainHeaderReader.Read(first, clock, ref header);
        Fill(first, header, entry);
        entry.Format = header.Syslog ? "syslog" : header.Found || raw.StartsWithHeader ? "plain" : "unstructured";

        // Microsoft.Extensions.Logging writes the message on the next, indented line.
        if (header.MessageOnNextLine && raw.Lines.Count > 1)
        {
            var next = raw.Lines[1];
            var start = HeaderText.SkipBlanks(next, 0);
            entry.Message = MessageText.Build(next, start, raw.Lines, 2);
            KeyValueScanner.Scan(next.AsSpan(start), entry);
            return;
        }

        entry.Message = MessageText.Build(first, header.MessageStart, raw.Lines, 1);
        if (header.MessageStart < first.Length)
            KeyValueScanner.Scan(first.AsSpan(header.MessageStart), entry);
    }

    /// <summary>Copies what a header read into the entry; shared with the syslog parser.</summary>
    internal static void Fill(string line, in PlainHeader header, LogEntry entry)
    {
        var pool = StringPool.Current;
        entry.Timestamp = header.Timestamp;
        entry.Level = header.Level;
        if (!header.Logger.IsEmpty)
            entry.Logger = pool.Get(header.Logger.Of(line));
        if (!header.Thread.IsEmpty)
            entry.Thread = pool.Get(header.Thread.Of(line));
        if (!header.App.IsEmpty)
            entry.Service = pool.Get(header.App.Of(line));
        if (!header.Host.IsEmpty)
            entry.Attributes["host"] = pool.Get(header.Host.Of(line));
        if (!header.ProcessId.IsEmpty)
            entry.Attributes["pid"] = header.ProcessId.Of(line).ToString();
        if (!header.EventId.IsEmpty)
            entry.Attributes["event_id"] = pool.Get(header.EventId.Of(line));
    }
}
