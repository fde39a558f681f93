namespace Culprit.Parsing;

/// <summary>
/// Decides cheaply whether a line starts a new log entry: a JSON object, a syslog priority, a leading
/// timestamp, or a leading level word. Everything else is a continuation line.
/// </summary>
public static class HeaderDetector
{
    public static bool IsEntryStart(string line)
    {
        var s = line.AsSpan();
        if (s.IsEmpty)
            return false;

        var c = s[0];
        if (c == '{')
            return true;
        if (char.IsAsciiDigit(c))
            return StartsWithTimestamp(s);
        if (c == '<')
            return s.Length > 2 && char.IsAsciiDigit(s[1]) && s.IndexOf('>') is > 1 and < 5;
        if (c == '[')
            return s.Length > 1 && (char.IsAsciiDigit(s[1]) ? StartsWithTimestamp(s[1..]) : LevelWordLength(s[1..]) > 0);
        if (char.IsAsciiLetterUpper(c))
            return LevelWordLength(s) > 0 || StartsWithMonthDay(s) || StartsWithGlog(s);
        if (char.IsAsciiLetterLower(c))
            return StartsWithLogfmtKey(s) || StartsWithMelLevel(s);
        return false;
    }

    /// <summary>2024-01-02, 2024/01/02, 12:34:56, 02/Jan/2024, 1700000000123 (epoch seconds or ms).</summary>
    internal static bool StartsWithTimestamp(ReadOnlySpan<char> s)
    {
        var digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits]))
            digits++;
        if (digits == 4 && s.Length >= 10)
            return (s[4] is '-' or '/' or '.') && char.IsAsciiDigit(s[5]) && char.IsAsciiDigit(s[6]) && s[7] == s[4];
        if (digits == 2 && s.Length >= 8)
        {
            if (s[2] == ':' && char.IsAsciiDigit(s[3]) && char.IsAsciiDigit(s[4]) && s[5] == ':')
                return true;
            if (s[2] is '/' or '-' or '.' && s.Length >= 10)
                return char.IsAsciiLetter(s[3]) || (char.IsAsciiDigit(s[3]) && char.IsAsciiDigit(s[4]) && s[5] == s[2]);
            return false;
        }

        if (digits == 6 && s.Length > 7 && (s[6] == ' ' || s[6] == 'T'))
            return s.Length > 9 && char.IsAsciiDigit(s[7]) && (s[9] == ':' || char.IsAsciiDigit(s[9]));
        if (digits is 10 or 13 or 16 or 19)
            return s.Length == digits || s[digits] is ' ' or '\t' or '.' or ',' or '|' or ']';
        return false;
    }

    private static readonly string[] LevelWords =
    [
        "TRACE", "DEBUG", "INFO", "NOTICE", "WARN", "WARNING", "ERROR", "ERR", "SEVERE", "FATAL", "CRITICAL", "CRIT", "PANIC", "ALERT", "EMERG", "FINE", "FINER", "FINEST", "CONFIG", "VERBOSE", "DBG", "INF", "WRN", "EMERGENCY",
    ];

    /// <summary>An upper-case (or bracketed any-case) level word followed by a separator.</summary>
    internal static int LevelWordLength(ReadOnlySpan<char> s)
    {
        var n = 0;
        while (n < s.Length && char.IsAsciiLetter(s[n]))
            n++;
        if (n < 3 || n > 9)
            return 0;
        if (n < s.Length && !(s[n] is ' ' or ':' or ']' or '|' or '\t' or '-' or '[' or '('))
            return 0;
        var word = s[..n];
        foreach (var level in LevelWords)
        {
            if (word.Equals(level, StringComparison.Ordinal))
                return n;
        }

        return 0;
    }

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Syslog (RFC 3164) and java.util.logging: "Jul 09 ..." / "Jul  9, 2015 ...". Also a leading weekday: "Mon Jul 09".</summary>
    internal static bool StartsWithMonthDay(ReadOnlySpan<char> s)
    {
        if (s.Length < 6)
            return false;
        if (s.Length > 8 && s[3] == ' ' && IsMonth(s[4..7]))
            s = s[4..];
        if (!IsMonth(s[..3]) || s[3] != ' ')
            return false;
        var i = 4;
        if (i < s.Length && s[i] == ' ')
            i++;
        return i < s.Length && char.IsAsciiDigit(s[i]);
    }

    private static bool IsMonth(ReadOnlySpan<char> s)
    {
        foreach (var month in Months)
        {
            if (s.Equals(month, StringComparison.Ordinal))
                return true;
        }

        return false;
    }

    /// <summary>glog / klog: "E0102 15:04:05.000000 ...".</summary>
    private static bool StartsWithGlog(ReadOnlySpan<char> s) =>
        s.Length > 14 && s[0] is 'I' or 'W' or 'E' or 'F'
        && char.IsAsciiDigit(s[1]) && char.IsAsciiDigit(s[2]) && char.IsAsciiDigit(s[3]) && char.IsAsciiDigit(s[4])
        && s[5] == ' ' && char.IsAsciiDigit(s[6]) && char.IsAsciiDigit(s[7]) && s[8] == ':';

    /// <summary>logfmt lines that lead with time or level: "time=... level=error msg=...".</summary>
    private static bool StartsWithLogfmtKey(ReadOnlySpan<char> s) =>
        s.StartsWith("time=", StringComparison.Ordinal) || s.StartsWith("ts=", StringComparison.Ordinal)
        || s.StartsWith("t=", StringComparison.Ordinal) || s.StartsWith("level=", StringComparison.Ordinal)
        || s.StartsWith("lvl=", StringComparison.Ordinal) || s.StartsWith("timestamp=", StringComparison.Ordinal);

    /// <summary>Microsoft.Extensions.Logging console: "fail: Category[0]".</summary>
    private static bool StartsWithMelLevel(ReadOnlySpan<char> s) =>
        s.Length > 5 && s[4] == ':' && (s[5] == ' ' || s.Length == 5)
        && (s.StartsWith("fail", StringComparison.Ordinal) || s.StartsWith("crit", StringComparison.Ordinal)
            || s.StartsWith("warn", StringComparison.Ordinal) || s.StartsWith("info", StringComparison.Ordinal)
            || s.StartsWith("dbug", StringComparison.Ordinal) || s.StartsWith("trce", StringComparison.Ordinal));
}
