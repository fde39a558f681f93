using Culprit.Model;

namespace Culprit.Parsing;

/// <summary>
/// Reads the header of a plain-text line field by field: a timestamp (bare or bracketed), a level (bare,
/// bracketed, between pipes, <c>LEVEL:</c>), pids, <c>[thread]</c>, a logger before <c>-</c>, <c>:</c> or
/// <c>|</c>, and the separators between them. The first field that fits none of these starts the message.
/// This one loop covers log4j/logback, Spring Boot, Serilog, NLog, Python logging, Go's log, logcat, HDFS,
/// Zookeeper, Apache, gunicorn, celery, Monolog, Flask and zap; the forms told by their first characters are
/// read by <see cref="LineStartHeaders"/>, syslog's <c>host tag[pid]:</c> by <see cref="SyslogHeader"/>.
/// </summary>
internal static class PlainHeaderReader
{
    private const int MaxFields = 12;

    public static void Read(ReadOnlySpan<char> line, LogClock clock, ref PlainHeader h) => ReadAt(line, 0, clock, ref h);

    /// <summary>Reads the header that starts at <paramref name="start"/>; with none, the message starts there.</summary>
    public static void ReadAt(ReadOnlySpan<char> line, int start, LogClock clock, ref PlainHeader h)
    {
        var p = HeaderText.SkipBlanks(line, start);
        if (p < line.Length && LineStartHeaders.TryRead(line, p, clock, ref h))
            return;
        ReadFields(line, p, clock, ref h);
        if (h.Found)
            return;
        h = new PlainHeader { MessageStart = start };
        if (p == 0)
            PrefixedHeader.TryRead(line, clock, ref h);
    }

    private static void ReadFields(ReadOnlySpan<char> s, int p, LogClock clock, ref PlainHeader h)
    {
        var scan = default(HeaderScan);
        for (var field = 0; field < MaxFields; field++)
        {
            var blanks = p;
            p = HeaderText.SkipBlanks(s, p);
            if (p >= s.Length)
                break;
            scan.AfterTab = p > blanks && s[p - 1] == '\t';
            var step = ReadField(s, ref p, clock, ref h, ref scan);
            if (step == HeaderStep.NoMatch)
                break;
            if (step == HeaderStep.Stop)
            {
                p = HeaderText.SkipBlanks(s, p);
                break;
            }
        }

        h.MessageStart = Math.Min(p, s.Length);
    }

    private static HeaderStep ReadField(ReadOnlySpan<char> s, ref int p, LogClock clock, ref PlainHeader h, ref HeaderScan scan)
    {
        var c = s[p];
        var afterNumber = scan.AfterNumber;
        var afterThread = scan.AfterThread;
        scan.AfterNumber = false;
        scan.AfterThread = false;
        var afterPaddedLevel = scan.AfterPaddedLevel;
        scan.AfterPaddedLevel = false;
        if (h.Timestamp is null && (char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)))
        {
            var n = TimestampReader.Read(s[p..], clock, out var timestamp);
            if (n > 0)
            {
                h.Timestamp = timestamp;
                if (p == 0 && char.IsAsciiLetter(c) && NamedTimestampReader.IsSyslogForm(s))
                {
                    var message = SyslogHeader.ReadHostTag(s, n, ref h);
                    if (message >= 0)
                    {
                        p = ReadEmbedded(s, message, clock, ref h);
                        return HeaderStep.Stop;
                    }
                }

                p += n;
                return HeaderStep.Next;
            }
        }

        switch (c)
        {
            case '[':
                return BracketField.Read(s, ref p, clock, ref h, ref scan, afterThread);
            case '{' when h.Found:
                return LoggerField.ReadBraced(s, ref p, ref h);
            case '|' when h.Found:
                scan.Pipes = true;
                p++;
                return HeaderStep.Next;
            case '-':
                return ReadDash(s, ref p, h);
            case ',' when h.Found && p + 1 < s.Length && s[p + 1] == ' ':
                p++;
                return HeaderStep.Next;
            case ':' when h.Found && (p + 1 == s.Length || s[p + 1] == ' '):
                p++;
                return HeaderStep.Stop;
        }

        if (char.IsAsciiLetter(c))
        {
            if (h.Level == LogLevel.Unknown)
            {
                var step = ReadLevel(s, ref p, ref h, scan, afterNumber);
                if (step != HeaderStep.NoMatch)
                {
                    scan.AfterPaddedLevel = step == HeaderStep.Next && HeaderText.IsPadding(s, p);
                    return step;
                }
                if (h.Found && PhpLabels.Read(s, p, out var php) is var message and >= 0)
                {
                    h.Level = php;
                    p = message;
                    return HeaderStep.Stop;
                }
            }

            scan.AfterPaddedLevel = afterPaddedLevel;
            var logger = h.Found ? LoggerField.Read(s, ref p, ref h, ref scan) : HeaderStep.NoMatch;
            scan.AfterPaddedLevel = false;
            return logger;
        }

        if (c == '_' && h.Found)
            return LoggerField.Read(s, ref p, ref h, ref scan);
        if (char.IsAsciiDigit(c) && h.Found)
            return ReadNumber(s, ref p, ref scan);
        return HeaderStep.NoMatch;
    }

    /// <summary>The app's own header inside a syslog message (<c>app[1]: 2024-… ERROR [main] c.x.Y - msg</c>).</summary>
    private static int ReadEmbedded(ReadOnlySpan<char> s, int message, LogClock clock, ref PlainHeader h)
    {
        var inner = default(PlainHeader);
        ReadAt(s, message, clock, ref inner);
        if (!IsEmbeddedHeader(inner))
            return message;
        h.Timestamp = inner.Timestamp ?? h.Timestamp;
        h.Level = inner.Level;
        h.Logger = inner.Logger;
        h.Thread = inner.Thread;
        h.EventId = inner.EventId;
        h.MessageOnNextLine = inner.MessageOnNextLine;
        return inner.MessageStart;
    }

    /// <summary>
    /// Inside a syslog message a level alone is not enough (<c>logrotate: ALERT exited abnormally</c>,
    /// <c>sshd[1]: error: Received disconnect</c> are the program's own words): the app's header must also
    /// have a timestamp, a logger or a thread.
    /// </summary>
    internal static bool IsEmbeddedHeader(in PlainHeader inner) =>
        inner.Found && (inner.Timestamp.HasValue || !inner.Logger.IsEmpty || !inner.Thread.IsEmpty);

    /// <summary>
    /// A level word. Upper case anywhere (<c>ERROR</c>, <c>ERR</c>, logrus's <c>ERRO[0000]</c>); after a
    /// timestamp also lower or mixed case when a wide separator follows (tab, pipe, two spaces, <c>error:</c>);
    /// one letter only after pids (logcat's <c>1702  2395 D Tag:</c>).
    /// </summary>
    private static HeaderStep ReadLevel(ReadOnlySpan<char> s, ref int p, ref PlainHeader h, HeaderScan scan, bool afterNumber)
    {
        var n = HeaderText.LetterRun(s, p);
        if (n > LevelNames.MaxWordLength)
            return HeaderStep.NoMatch;
        var word = s.Slice(p, n);
        var after = p + n;
        var next = after < s.Length ? s[after] : '\0';
        if (!IsLevelPosition(s, word, after, next, h.Found, scan, afterNumber))
            return HeaderStep.NoMatch;
        var level = LevelNames.Parse(word);
        if (level == LogLevel.Unknown)
            return HeaderStep.NoMatch;
        if (next == ':' && HeaderText.IsLowerWord(word) && LineStartHeaders.TryLowerLevel(s, p, ref h))
        {
            p = h.MessageStart;
            return HeaderStep.Stop;
        }

        h.Level = level;
        p = after;
        if (next != ':')
            return HeaderStep.Next;
        // Python's basicConfig: LEVEL:logger:message
        var rest = s[(after + 1)..];
        var colon = rest.IndexOf(':');
        if (colon > 0 && rest[0] is not (' ' or '\t') && !rest[..colon].ContainsAny(' ', '\t'))
        {
            h.Logger = new Slice(after + 1, colon);
            p = after + 1 + colon + 1;
            return HeaderStep.Stop;
        }

        p = after + 1;
        return HeaderStep.Stop;
    }

    private static bool IsLevelPosition(ReadOnlySpan<char> s, ReadOnlySpan<char> word, int after, char next, bool found, HeaderScan scan, bool afterNumber)
    {
        if (next is not ('\0' or ' ' or '\t' or ':' or '|' or ']' or ',' or '['))
            return false;
        if (word.Length == 1)
            return afterNumber && char.IsAsciiLetterUpper(word[0]) && next == ' ';
        if (word.Length == 2)
            return false;
        if (HeaderText.IsUpperWord(word))
            return true;
        if (!found)
            return false;
        var twoSpaces = next == ' ' && after + 1 < s.Length && s[after + 1] == ' ';
        var wide = scan.Pipes || twoSpaces || next is '\t' or '|' or ',';
        return wide || (next == ':' && HeaderText.IsLowerWord(word));
    }

    /// <summary>A pid or thread id: a number followed by another header field (HDFS, logcat, Spring Boot).</summary>
    private static HeaderStep ReadNumber(ReadOnlySpan<char> s, ref int p, ref HeaderScan scan)
    {
        var after = p + HeaderText.DigitRun(s, p);
        if (after >= s.Length || s[after] is not (' ' or '\t'))
            return HeaderStep.NoMatch;
        var q = HeaderText.SkipBlanks(s, after);
        if (q >= s.Length)
            return HeaderStep.NoMatch;
        var c = s[q];
        bool fieldFollows;
        if (char.IsAsciiDigit(c))
        {
            var end = q + HeaderText.DigitRun(s, q);
            fieldFollows = end < s.Length && s[end] is ' ' or '\t';
        }
        else if (char.IsAsciiLetterUpper(c))
        {
            var n = HeaderText.LetterRun(s, q);
            var end = q + n;
            var separated = end == s.Length || s[end] is ' ' or ':' or '[';
            fieldFollows = separated && (n == 1 || (HeaderText.IsUpperWord(s.Slice(q, n)) && LevelNames.Parse(s.Slice(q, n)) != LogLevel.Unknown));
        }
        else
        {
            fieldFollows = c == '[' || s[q..].StartsWith("---", StringComparison.Ordinal);
        }

        if (!fieldFollows)
            return HeaderStep.NoMatch;
        p = after;
        scan.Structured = true;
        scan.AfterNumber = true;
        return HeaderStep.Next;
    }

    /// <summary>Spring Boot's <c>---</c>; a lone <c>-</c> between fields, which ends the header once the level is known.</summary>
    private static HeaderStep ReadDash(ReadOnlySpan<char> s, ref int p, in PlainHeader h)
    {
        if (h.Found && s[p..].StartsWith("---", StringComparison.Ordinal))
        {
            p += 3;
            return HeaderStep.Next;
        }

        if (!h.Found || (p + 1 < s.Length && s[p + 1] is not (' ' or '\t')))
            return HeaderStep.NoMatch;
        p++;
        return h.Level == LogLevel.Unknown ? HeaderStep.Next : HeaderStep.Stop;
    }
}
