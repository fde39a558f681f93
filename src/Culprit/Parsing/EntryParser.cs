using System.Collections.Concurrent;
using Culprit.Framing;
using Culprit.Model;

namespace Culprit.Parsing;

/// <summary>
/// Picks the format of each entry (JSON, logfmt, syslog with a priority, plain text) and fills a
/// <see cref="LogEntry"/>. The format last seen in a source is tried first, so a file of one format pays one
/// check per entry, while a mixed file is still read line by line; a source known to be logfmt also accepts
/// lines whose first key is not one logfmt loggers usually start with. Never throws on any input: a broken
/// JSON line is kept as a plain entry with a parse note. Safe to share between threads.
/// </summary>
public sealed class EntryParser : IEntryParser
{
    private const int MaxSources = 4096;

    private readonly LogClock _clock;
    private readonly ConcurrentDictionary<string, SourceFormat> _sources = new(StringComparer.Ordinal);
    private SourceFormat? _last;

    public EntryParser()
        : this(TimeProvider.System)
    {
    }

    /// <param name="time">Completes timestamps written without a year or date (syslog, glog, a bare time).</param>
    public EntryParser(TimeProvider time) => _clock = new LogClock(time);

    public LogEntry Parse(RawEntry raw)
    {
        var entry = new LogEntry
        {
            Position = new SourcePosition(raw.Source, raw.FirstLine, raw.LastLine, raw.ByteOffset),
            ParseNote = raw.Note,
        };
        if (raw.Lines.Count == 0)
        {
            entry.Format = "unstructured";
            return entry;
        }

        var source = SourceOf(raw.Source);
        source.Format = Parse(raw, entry, source.Format);
        return entry;
    }

    private EntryFormat Parse(RawEntry raw, LogEntry entry, EntryFormat seen)
    {
        var first = raw.Lines[0];
        // JSON needs no case of its own: detection tries it first.
        switch (seen)
        {
            case EntryFormat.Logfmt when LogfmtEntryParser.LooksLike(first, lenient: true):
                LogfmtEntryParser.Parse(raw, entry, _clock);
                return EntryFormat.Logfmt;
            case EntryFormat.Syslog when SyslogEntryParser.TryParse(raw, entry, _clock):
                return EntryFormat.Syslog;
            case EntryFormat.Plain when first.Length == 0 || first[0] is not ('{' or '<') && !char.IsAsciiLetterLower(first[0]):
                PlainEntryParser.Parse(raw, entry, _clock);
                return EntryFormat.Plain;
        }

        return Detect(raw, entry);
    }

    private EntryFormat Detect(RawEntry raw, LogEntry entry)
    {
        var first = raw.Lines[0];
        if (IsJsonStart(first))
        {
            if (TryJson(raw, entry))
                return EntryFormat.Json;
            // broken JSON (noted by the JSON parser) is kept as plain text
            PlainEntryParser.Parse(raw, entry, _clock);
            return EntryFormat.Plain;
        }

        if (first.Length > 0 && first[0] == '<' && SyslogEntryParser.TryParse(raw, entry, _clock))
            return EntryFormat.Syslog;
        if (LogfmtEntryParser.LooksLike(first, lenient: false))
        {
            LogfmtEntryParser.Parse(raw, entry, _clock);
            return EntryFormat.Logfmt;
        }

        PlainEntryParser.Parse(raw, entry, _clock);
        return EntryFormat.Plain;
    }

    /// <summary>As <see cref="HeaderDetector"/> has it: <c>{</c>, blanks, then a quote (or <c>}</c>). A Python dict's
    /// <c>{'a': 1}</c> is text, not a broken record.</summary>
    private static bool IsJsonStart(string line) => line.Length > 1 && line[0] == '{' && line.AsSpan(1).TrimStart() is ['"', ..] or ['}', ..];

    private bool TryJson(RawEntry raw, LogEntry entry)
    {
        if (!JsonEntryParser.TryParse(raw.Lines[0], entry, _clock))
            return false;
        entry.Format = "json";
        if (raw.Lines.Count > 1)
        {
            entry.ParseNote = (entry.ParseNote is null ? "" : entry.ParseNote + "; ")
                + $"{raw.Lines.Count - 1} line(s) after the JSON object kept in the message";
            entry.Message = MessageText.Build(entry.Message, 0, raw.Lines, 1);
        }

        return true;
    }

    private SourceFormat SourceOf(string source)
    {
        var last = _last;
        if (last is not null && ReferenceEquals(last.Source, source))
            return last;
        if (!_sources.TryGetValue(source, out var known))
        {
            if (_sources.Count >= MaxSources)
                _sources.Clear();
            known = _sources.GetOrAdd(source, static s => new SourceFormat(s));
        }

        _last = known;
        return known;
    }
}
