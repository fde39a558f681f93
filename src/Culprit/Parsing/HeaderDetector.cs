using Culprit.Model;

namespace Culprit.Parsing;

/// <summary>
/// Decides cheaply whether a line starts a new log entry. Headers: a JSON object, a syslog priority, a
/// leading timestamp (bare or bracketed, every form <see cref="TimestampReader"/> reads), an upper-case level
/// word (<c>ERROR</c>, <c>[WARN]</c>, <c>ERRO[0000]</c>, <c>ERROR:root:</c>), a lower-case level with a colon
/// (<c>fail: Category[0]</c>, <c>error: msg</c>), glog's <c>E0102 15:04:05</c>, Ruby's <c>E, [</c>, PHP's
/// <c>PHP Fatal error:</c>, logfmt's leading keys and a timestamp after a few leading columns (<see cref="PrefixedHeader"/>). Everything else is a continuation line: indented
/// frames, <c>Caused by:</c>, <c>Traceback …</c>, <c>KeyError: 'x'</c>, <c>java.lang.X: y</c>, <c>Error: x</c>,
/// <c>panic: x</c>, <c>goroutine 1 [running]:</c>, <c>#0 /x.php(3)</c>, PHP's <c>[date] PHP Stack trace:</c> ….
/// </summary>
public static class HeaderDetector
{
    /// <summary>True when <paramref name="line"/> starts a new entry; false for a continuation line.</summary>
    public static bool IsEntryStart(string line) => IsEntryStart(line.AsSpan());

    /// <summary>True when <paramref name="s"/> starts a new entry; false for a continuation line. A few character checks for most lines.</summary>
    public static bool IsEntryStart(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
            return false;
        var c = s[0];
        if (char.IsAsciiDigit(c))
            return StartsWithTimestamp(s) || PrefixedHeader.Matches(s);
        if (char.IsAsciiLetterUpper(c))
            return StartsWithUpper(s) || PrefixedHeader.Matches(s);
        if (char.IsAsciiLetterLower(c))
            return LineStartHeaders.IsLowerLevel(s, 0, out _) || LogfmtEntryParser.LooksLike(s, lenient: false) || PrefixedHeader.Matches(s);
        return c switch
        {
            '{' => s.Length > 1 && s[1..].TrimStart() is ['"', ..] or ['}', ..],
            '<' => SyslogEntryParser.PriorityLength(s, out _) > 0,
            '[' => StartsWithBracket(s),
            '-' => PrefixedHeader.Matches(s),
            _ => false,
        };
    }

    /// <summary>
    /// The shapes of <see cref="TimestampReader"/>'s numeric forms: 2024-01-02, 2024/01/02, 2005.06.03, 12:34:56,
    /// 02/Jan/2024, 02-Jan-2024, 17/06/09, 01/02/2024, logcat's 03-17 16:13:38, 081109 203615, epoch seconds to ns.
    /// </summary>
    internal static bool StartsWithTimestamp(ReadOnlySpan<char> s)
    {
        var digits = HeaderText.DigitRun(s, 0);
        if (digits == 4 && s.Length >= 10)
            return s[4] is '-' or '/' or '.' && char.IsAsciiDigit(s[5]) && char.IsAsciiDigit(s[6]) && s[7] == s[4];
        if (digits == 2 && s.Length >= 8)
        {
            if (s[2] == ':' && char.IsAsciiDigit(s[3]) && char.IsAsciiDigit(s[4]) && s[5] == ':')
                return true;
            if (s[2] is not ('/' or '-' or '.'))
                return false;
            if (char.IsAsciiLetter(s[3]))
                return s.Length >= 11 && TimestampMath.Month(s, 3) > 0 && s[6] == s[2];
            if (!char.IsAsciiDigit(s[3]) || !char.IsAsciiDigit(s[4]))
                return false;
            if (s[5] == s[2])
                return char.IsAsciiDigit(s[6]) && char.IsAsciiDigit(s[7]);
            // logcat: MM-dd HH:mm:ss
            return s[2] == '-' && s[5] == ' ' && s.Length >= 14 && char.IsAsciiDigit(s[6]) && char.IsAsciiDigit(s[7]) && s[8] == ':';
        }

        if (digits == 6 && s.Length > 9 && s[6] is ' ' or 'T')
            return char.IsAsciiDigit(s[7]) && (s[9] == ':' || char.IsAsciiDigit(s[9]));
        if (digits is 10 or 13 or 16 or 19)
            return TimestampReader.IsEpochEnd(s, digits);
        return false;
    }

    private static bool StartsWithUpper(ReadOnlySpan<char> s) =>
        UpperLevelWordLength(s) > 0 || StartsWithMonthName(s) || StartsWithGlog(s) || StartsWithRuby(s)
        || (s[0] == 'P' && PhpLabels.Read(s, 0, out _) >= 0);

    /// <summary><c>[2024-…]</c>, <c>[12:00:00 ERR]</c>, <c>[ERROR]</c> / <c>[error]</c> / <c>[core:error]</c>, <c>[Sun Dec 04 …]</c>; not PHP's trace lines.</summary>
    private static bool StartsWithBracket(ReadOnlySpan<char> s)
    {
        if (s.Length < 3)
            return false;
        var inner = s[1..];
        if (char.IsAsciiDigit(inner[0]))
            return StartsWithTimestamp(inner) && !IsPhpTraceLine(s);
        if (StartsWithMonthName(inner))
            return true;
        var close = inner[..Math.Min(inner.Length, 48)].IndexOf(']');
        return close > 0 && BracketField.Level(inner[..close].Trim()) != LogLevel.Unknown;
    }

    /// <summary>PHP's error_log repeats the date on trace lines: <c>[…] PHP Stack trace:</c>, <c>[…] PHP   1. {main}()</c>.</summary>
    private static bool IsPhpTraceLine(ReadOnlySpan<char> s)
    {
        var close = s[..Math.Min(s.Length, 64)].IndexOf(']');
        if (close < 0 || !s[(close + 1)..].StartsWith(" PHP ", StringComparison.Ordinal))
            return false;
        return PhpLabels.Read(s, close + 2, out _) < 0;
    }

    /// <summary>An upper-case level word followed by a separator: <c>ERROR </c>, <c>WARNING:</c>, <c>ERRO[</c>, <c>INFO|</c>.</summary>
    internal static int UpperLevelWordLength(ReadOnlySpan<char> s)
    {
        var n = HeaderText.LetterRun(s, 0);
        if (n < 3 || n > LevelNames.MaxWordLength)
            return 0;
        if (n < s.Length && s[n] is not (' ' or ':' or ']' or '|' or '\t' or '[' or ','))
            return 0;
        var word = s[..n];
        return HeaderText.IsUpperWord(word) && LevelNames.Parse(word) != LogLevel.Unknown ? n : 0;
    }

    /// <summary>
    /// syslog <c>Oct 11 22:14:15</c>, java.util.logging <c>Jul 09, 2015 3:23:29 PM</c>, <c>Oct 11 2024 22:14:15</c>
    /// and asctime <c>Sun Dec 04 04:47:44 2005</c>: a month, a day, then a time or a year.
    /// </summary>
    private static bool StartsWithMonthName(ReadOnlySpan<char> s)
    {
        var p = TimestampMath.IsDayName(s, 0) && s.Length > 4 && s[3] == ' ' ? 4 : 0;
        if (TimestampMath.Month(s, p) == 0 || !char.IsAsciiLetterUpper(s[p]) || p + 8 > s.Length || s[p + 3] != ' ')
            return false;
        p += s[p + 4] == ' ' ? 5 : 4;
        var day = HeaderText.DigitRun(s, p);
        if (day is 0 or > 2)
            return false;
        p += day;
        if (p + 3 < s.Length && s[p] == ',' && s[p + 1] == ' ')
            return HeaderText.DigitRun(s, p + 2) == 4;
        if (p + 3 >= s.Length || s[p] != ' ')
            return false;
        var next = HeaderText.DigitRun(s, p + 1);
        return (next is 1 or 2 && s[p + 1 + next] == ':') || (next == 4 && p + 5 < s.Length && s[p + 5] == ' ');
    }

    /// <summary>glog / klog: <c>E0102 15:04:05.000000 …</c>.</summary>
    private static bool StartsWithGlog(ReadOnlySpan<char> s) =>
        s.Length >= 14 && s[0] is 'I' or 'W' or 'E' or 'F' && HeaderText.DigitRun(s, 1) == 4
        && s[5] == ' ' && char.IsAsciiDigit(s[6]) && char.IsAsciiDigit(s[7]) && s[8] == ':';

    /// <summary>Ruby's Logger: <c>E, [2024-01-02T…</c>.</summary>
    private static bool StartsWithRuby(ReadOnlySpan<char> s) =>
        s.Length > 5 && s[1] == ',' && s[2] == ' ' && s[3] == '[' && s[0] is 'D' or 'I' or 'W' or 'E' or 'F' or 'A' or 'U' && char.IsAsciiDigit(s[4]);
}
