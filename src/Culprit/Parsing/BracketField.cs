using Culprit.Model;

namespace Culprit.Parsing;

/// <summary>
/// One <c>[...]</c> field of a header: a timestamp with whatever the logger put beside it (Serilog's
/// <c>[12:00:00 ERR]</c>, Ruby's <c>#pid</c>, PHP's zone name, celery's <c>: ERROR/MainProcess</c>), a level
/// (<c>[ERROR]</c>, Apache's <c>[error]</c> and <c>[core:error]</c>), a pid (<c>[123]</c>) or a thread.
/// </summary>
internal static class BracketField
{
    private const int MaxThreadName = 240;

    public static HeaderStep Read(ReadOnlySpan<char> s, ref int p, LogClock clock, ref PlainHeader h, ref HeaderScan scan, bool afterThread)
    {
        var close = HeaderText.ClosingBracket(s, p);
        if (close < 0)
            return HeaderStep.NoMatch;
        var inner = HeaderText.Trim(s, p + 1, close);
        var text = inner.Of(s);
        if (text.IsEmpty)
            return HeaderStep.NoMatch;
        // a bracketed timestamp starts right after the bracket, as the header detector expects
        if (h.Timestamp is null && inner.Start == p + 1)
        {
            var n = TimestampReader.Read(text, clock, out var timestamp);
            if (n > 0)
            {
                h.Timestamp = timestamp;
                ReadTail(s, inner.Start + n, inner.Start + inner.Length, ref h);
                p = close + 1;
                return HeaderStep.Next;
            }
        }

        if (h.Level == LogLevel.Unknown && Level(text) is var level and not LogLevel.Unknown)
        {
            h.Level = level;
            p = close + 1;
            return HeaderStep.Next;
        }

        if (!h.Found)
            return HeaderStep.NoMatch;
        if (HeaderText.DigitRun(text, 0) == text.Length)
        {
            scan.Structured = true;
            p = close + 1;
            return HeaderStep.Next;
        }

        if (text.Length <= MaxThreadName && h.Logger.IsEmpty && (h.Thread.IsEmpty || afterThread)
            && (!text.ContainsAny(' ', '\t') || HeaderFieldFollows(s, close + 1)))
        {
            h.Thread = inner;
            scan.Structured = true;
            scan.AfterThread = true;
            p = close + 1;
            return HeaderStep.Next;
        }

        return HeaderStep.NoMatch;
    }

    /// <summary>
    /// Thread names may hold spaces (<c>[Socket Reader #1 for port 80]</c>), but so does bracketed message text
    /// (<c>[client 10.0.0.1]</c>): such a bracket is a thread only when a <c>-</c> separator or a qualified
    /// <c>logger:</c> follows it.
    /// </summary>
    private static bool HeaderFieldFollows(ReadOnlySpan<char> s, int p)
    {
        p = HeaderText.SkipBlanks(s, p);
        if (p + 1 < s.Length && s[p] == '-' && s[p + 1] == ' ')
            return true;
        var end = HeaderText.TokenEnd(s, p);
        return end - p > 2 && s[end - 1] == ':' && s[p..end].Contains('.') && char.IsAsciiLetter(s[p]);
    }

    /// <summary>
    /// A bracketed level word (three letters or more, any case): <c>ERROR</c>, <c>error</c>, or Apache 2.4's
    /// <c>module:level</c> (<c>core:error</c>, <c>proxy_fcgi:warn</c>). The header detector asks the same.
    /// </summary>
    internal static LogLevel Level(ReadOnlySpan<char> text)
    {
        var colon = text.IndexOf(':');
        if (colon >= 0)
        {
            foreach (var c in text[..colon])
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '_')
                    return LogLevel.Unknown;
            }

            text = text[(colon + 1)..];
        }

        return text.Length >= 3 && HeaderText.LetterRun(text, 0) == text.Length ? LevelNames.Parse(text) : LogLevel.Unknown;
    }

    /// <summary>What follows the timestamp inside its brackets.</summary>
    private static void ReadTail(ReadOnlySpan<char> s, int q, int end, ref PlainHeader h)
    {
        for (var i = 0; i < 4 && q < end; i++)
        {
            while (q < end && s[q] is ' ' or '\t' or ':' or ',')
                q++;
            if (q >= end)
                return;
            var c = s[q];
            if (c == '#')
            {
                var digits = HeaderText.DigitRun(s, q + 1);
                h.ProcessId = new Slice(q + 1, Math.Min(digits, end - q - 1));
                q += 1 + digits;
                continue;
            }

            var tokenEnd = q;
            while (tokenEnd < end && s[tokenEnd] is not (' ' or '\t'))
                tokenEnd++;
            if (c == '/')
            {
                h.Thread = Slice.Between(q + 1, tokenEnd);
                q = tokenEnd;
                continue;
            }

            if (!char.IsAsciiLetter(c))
                return;
            var token = s[q..tokenEnd];
            if (h.Timestamp is { } local && ZoneNames.TryOffset(token, local, out var offset))
            {
                h.Timestamp = local - offset;
                q = tokenEnd;
                continue;
            }

            var word = HeaderText.LetterRun(s, q);
            var level = LevelNames.Parse(s.Slice(q, word));
            if (h.Level != LogLevel.Unknown || level == LogLevel.Unknown)
                return;
            h.Level = level;
            q += word;
        }
    }
}
