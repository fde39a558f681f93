using Culprit.Framing;
using Culprit.Model;

namespace Culprit.Parsing;

/// <summary>
/// Syslog lines that start with a priority, the level coming from its severity: RFC 5424
/// (<c>&lt;165&gt;1 2003-10-11T22:14:15.003Z host app procid msgid [sd-id k="v"] msg</c>, structured-data
/// parameters becoming attributes) and RFC 3164 (<c>&lt;34&gt;Oct 11 22:14:15 host app[123]: msg</c>, also with
/// an ISO timestamp or without one). The tag or APP-NAME becomes the service, the host and pid attributes.
/// </summary>
internal static class SyslogEntryParser
{
    /// <summary>The length of <c>&lt;PRI&gt;</c> at the start of <paramref name="s"/> (3 to 5), or 0.</summary>
    public static int PriorityLength(ReadOnlySpan<char> s, out int priority)
    {
        priority = 0;
        if (s.Length < 3 || s[0] != '<')
            return 0;
        var digits = HeaderText.DigitRun(s, 1);
        if (digits is 0 or > 3 || 1 + digits >= s.Length || s[1 + digits] != '>')
            return 0;
        priority = TimestampMath.Digits(s, 1, digits);
        return priority <= 191 ? digits + 2 : 0;
    }

    public static bool TryParse(RawEntry raw, LogEntry entry, LogClock clock)
    {
        var line = raw.Lines[0];
        var n = PriorityLength(line, out var priority);
        if (n == 0)
            return false;
        var header = default(PlainHeader);
        var message = IsRfc5424(line, n) ? ReadRfc5424(line, n, ref header, entry) : ReadRfc3164(line, n, clock, ref header);
        header.Level = LevelNames.FromSyslogSeverity(priority & 7);
        PlainEntryParser.Fill(line, header, entry);
        entry.Format = "syslog";
        message = Math.Min(message, line.Length);
        entry.Message = MessageText.Build(line, message, raw.Lines, 1);
        KeyValueScanner.Scan(line.AsSpan(message), entry);
        return true;
    }

    private static bool IsRfc5424(ReadOnlySpan<char> s, int p)
    {
        var digits = HeaderText.DigitRun(s, p);
        return digits is 1 or 2 && p + digits < s.Length && s[p + digits] == ' ';
    }

    private static int ReadRfc3164(string line, int p, LogClock clock, ref PlainHeader h)
    {
        var s = line.AsSpan();
        var n = TimestampReader.Read(s[p..], clock, out var timestamp);
        int message;
        if (n > 0)
        {
            h.Timestamp = timestamp;
            p += n;
            message = SyslogHeader.ReadHostTag(s, p, ref h);
            if (message < 0)
                return HeaderText.SkipBlanks(s, p);
        }
        else
        {
            message = SyslogHeader.ReadTag(s, p, ref h);
            if (message < 0)
                return p;
        }

        var inner = default(PlainHeader);
        PlainHeaderReader.ReadAt(s, message, clock, ref inner);
        if (!PlainHeaderReader.IsEmbeddedHeader(inner))
            return message;
        h.Timestamp = inner.Timestamp ?? h.Timestamp;
        h.Logger = inner.Logger;
        h.Thread = inner.Thread;
        h.EventId = inner.EventId;
        return inner.MessageStart;
    }

    private static int ReadRfc5424(string line, int p, ref PlainHeader h, LogEntry entry)
    {
        var s = line.AsSpan();
        p += HeaderText.DigitRun(s, p) + 1;
        var timestamp = NextField(s, ref p);
        if (TimestampReader.TryReadWhole(timestamp.Of(s), null, out var value))
            h.Timestamp = value;
        h.Host = NextField(s, ref p);
        h.App = NextField(s, ref p);
        h.ProcessId = NextField(s, ref p);
        var messageId = NextField(s, ref p);
        if (!messageId.IsEmpty)
            entry.Attributes["msgid"] = StringPool.Current.Get(messageId.Of(s));
        if (p < s.Length && s[p] == '-')
            p++;
        while (p < s.Length && s[p] == '[')
            p = ReadElement(s, p, entry);
        if (p < s.Length && s[p] == ' ')
            p++;
        if (p < s.Length && s[p] == '\uFEFF')
            p++;
        return p;
    }

    /// <summary>The space-separated header field at <paramref name="p"/>; empty for the nil value <c>-</c>.</summary>
    private static Slice NextField(ReadOnlySpan<char> s, ref int p)
    {
        var start = p;
        var end = HeaderText.TokenEnd(s, p);
        p = end < s.Length ? end + 1 : end;
        return end - start == 1 && s[start] == '-' ? default : Slice.Between(start, end);
    }

    /// <summary>One <c>[id name="value" …]</c> element; returns the position after it.</summary>
    private static int ReadElement(ReadOnlySpan<char> s, int p, LogEntry entry)
    {
        p = HeaderText.TokenEnd(s, p + 1, ']');
        while (p < s.Length)
        {
            if (s[p] == ']')
                return p + 1;
            if (s[p] == ' ')
            {
                p++;
                continue;
            }

            var eq = p;
            while (eq < s.Length && s[eq] is not ('=' or ' ' or ']'))
                eq++;
            if (eq + 1 >= s.Length || s[eq] != '=' || s[eq + 1] != '"')
                break;
            var value = QuotedText.Read(s, eq + 1, out var end);
            if (eq > p)
                FieldAliases.AddFromText(entry, StringPool.Current.Get(s[p..eq]), value);
            p = end;
        }

        // malformed: resume after the next ']'
        var close = p < s.Length ? s[p..].IndexOf(']') : -1;
        return close < 0 ? s.Length : p + close + 1;
    }
}
