using Culprit.Model;

namespace Culprit.Parsing;

/// <summary>
/// Header forms recognised by their first characters: glog/klog (<c>E0102 15:04:05.123456 …]</c>), Ruby's
/// Logger (<c>E, [2024-… #123] ERROR -- app: </c>), PHP's error_log label without a date, and a lower-case
/// level with a colon: Microsoft.Extensions.Logging's console (<c>fail: Category[0]</c>) and winston's
/// <c>error: message</c>.
/// </summary>
internal static class LineStartHeaders
{
    public static bool TryRead(ReadOnlySpan<char> s, int p, LogClock clock, ref PlainHeader h)
    {
        var c = s[p];
        if (char.IsAsciiLetterLower(c))
            return TryLowerLevel(s, p, ref h);
        if (!char.IsAsciiLetterUpper(c))
            return false;
        return TryGlog(s, p, clock, ref h) || TryRails(s, p, clock, ref h) || TryPhp(s, p, ref h);
    }

    /// <summary>True when a lower-case level word and ": " start at <paramref name="p"/>.</summary>
    public static bool IsLowerLevel(ReadOnlySpan<char> s, int p, out int wordLength)
    {
        wordLength = HeaderText.LetterRun(s, p);
        if (wordLength is < 4 or > 8 || p + wordLength + 1 >= s.Length || s[p + wordLength] != ':' || s[p + wordLength + 1] != ' ')
            return false;
        return s.Slice(p, wordLength) is "fail" or "crit" or "warn" or "info" or "dbug" or "trce"
            or "error" or "warning" or "debug" or "verbose" or "trace" or "notice" or "critical";
    }

    /// <summary><c>fail: Category[EventId]</c> (message on the same or the next line) or <c>error: message</c>.</summary>
    public static bool TryLowerLevel(ReadOnlySpan<char> s, int p, ref PlainHeader h)
    {
        if (!IsLowerLevel(s, p, out var n))
            return false;
        h.Level = LevelNames.Parse(s.Slice(p, n));
        var q = HeaderText.SkipBlanks(s, p + n + 1);
        if (n == 4 && TryMelCategory(s, q, ref h))
            return true;
        h.MessageStart = q;
        return true;
    }

    private static bool TryMelCategory(ReadOnlySpan<char> s, int q, ref PlainHeader h)
    {
        var end = HeaderText.TokenEnd(s, q, '[');
        if (end == q || end >= s.Length || s[end] != '[')
            return false;
        var digits = HeaderText.DigitRun(s, end + 1);
        var close = end + 1 + digits;
        if (digits == 0 || close >= s.Length || s[close] != ']' || (close + 1 < s.Length && s[close + 1] != ' '))
            return false;
        h.Logger = Slice.Between(q, end);
        h.EventId = new Slice(end + 1, digits);
        h.MessageStart = HeaderText.SkipBlanks(s, close + 1);
        h.MessageOnNextLine = h.MessageStart >= s.Length;
        return true;
    }

    /// <summary>glog/klog: <c>E0102 15:04:05.123456   1234 file.go:123] message</c>.</summary>
    private static bool TryGlog(ReadOnlySpan<char> s, int p, LogClock clock, ref PlainHeader h)
    {
        if (s.Length < p + 14 || s[p] is not ('I' or 'W' or 'E' or 'F') || s[p + 5] != ' ')
            return false;
        var month = TimestampMath.Digits(s, p + 1, 2);
        var day = TimestampMath.Digits(s, p + 3, 2);
        var q = ClockReader.ReadClock(s, p + 6, false, out var timeOfDay, out _);
        if (month < 0 || day < 0 || q < 0)
            return false;
        h.Level = LevelNames.Parse(s.Slice(p, 1));
        if (clock.TryWithoutYear(month, day, timeOfDay, 0, out var timestamp))
            h.Timestamp = timestamp;
        q = HeaderText.SkipBlanks(s, q);
        var thread = HeaderText.DigitRun(s, q);
        if (thread > 0)
        {
            h.Thread = new Slice(q, thread);
            q = HeaderText.SkipBlanks(s, q + thread);
        }

        var end = HeaderText.TokenEnd(s, q, ']');
        if (end < s.Length && s[end] == ']' && end > q)
        {
            h.Logger = Slice.Between(q, end);
            q = end + 1;
        }

        h.MessageStart = HeaderText.SkipBlanks(s, q);
        return true;
    }

    /// <summary>Ruby's Logger: <c>E, [2024-01-02T15:04:05.123456 #1234] ERROR -- progname: message</c>.</summary>
    private static bool TryRails(ReadOnlySpan<char> s, int p, LogClock clock, ref PlainHeader h)
    {
        if (s.Length < p + 6 || s[p + 1] != ',' || s[p + 2] != ' ' || s[p + 3] != '[' || !char.IsAsciiDigit(s[p + 4])
            || s[p] is not ('D' or 'I' or 'W' or 'E' or 'F' or 'A' or 'U'))
            return false;
        var close = s[(p + 4)..].IndexOf(']');
        if (close < 0)
            return false;
        close += p + 4;
        var inner = s[(p + 4)..close];
        if (TimestampReader.Read(inner, clock, out var timestamp) == 0)
            return false;
        h.Timestamp = timestamp;
        var hash = inner.IndexOf('#');
        if (hash >= 0)
            h.ProcessId = new Slice(p + 4 + hash + 1, HeaderText.DigitRun(inner, hash + 1));
        var q = HeaderText.SkipBlanks(s, close + 1);
        var word = HeaderText.LetterRun(s, q);
        h.Level = LevelNames.Parse(s.Slice(q, word));
        if (h.Level == LogLevel.Unknown)
            h.Level = LevelNames.Parse(s.Slice(p, 1));
        q = HeaderText.SkipBlanks(s, q + word);
        if (s[q..].StartsWith("-- ", StringComparison.Ordinal))
        {
            var colon = s[(q + 3)..].IndexOf(": ", StringComparison.Ordinal);
            if (colon < 0 && s.EndsWith(":", StringComparison.Ordinal))
                colon = s.Length - 1 - (q + 3);
            if (colon >= 0)
            {
                h.Logger = HeaderText.Trim(s, q + 3, q + 3 + colon);
                q = q + 3 + colon + 1;
            }
        }

        h.MessageStart = HeaderText.SkipBlanks(s, q);
        return true;
    }

    private static bool TryPhp(ReadOnlySpan<char> s, int p, ref PlainHeader h)
    {
        var q = PhpLabels.Read(s, p, out var level);
        if (q < 0)
            return false;
        h.Level = level;
        h.MessageStart = q;
        return true;
    }
}
