namespace Culprit.Parsing;

/// <summary>
/// Reads the timestamp a log line starts with, on the span and without allocating: ISO-8601 (T or space,
/// fractions, Z or offset), <c>yyyy/MM/dd</c>, <c>yyyy.MM.dd</c>, <c>yyMMdd HHmmss</c>, <c>yy/MM/dd</c>,
/// <c>MM/dd/yyyy</c>, <c>dd.MM.yyyy</c>, logcat <c>MM-dd</c>, a bare <c>HH:mm:ss</c>, epoch seconds/ms/µs/ns,
/// <c>dd/MMM/yyyy:HH:mm:ss zzz</c>, <c>dd-MMM-yyyy HH:mm:ss</c> and the named-month forms
/// (<see cref="NamedTimestampReader"/>). The result is always UTC.
/// </summary>
internal static class TimestampReader
{
    // Epoch values beyond the year 3000 are not timestamps.
    private const long MaxEpochTicks = 32503680000 * TimeSpan.TicksPerSecond;

    /// <summary>Reads a timestamp at the start of <paramref name="s"/>.</summary>
    /// <param name="clock">Completes stamps without a year or date; when null such stamps are not read.</param>
    /// <returns>The number of characters read; 0 when <paramref name="s"/> does not start with a timestamp.</returns>
    public static int Read(ReadOnlySpan<char> s, LogClock? clock, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 8)
            return 0;
        var c = s[0];
        if (char.IsAsciiDigit(c))
            return ReadNumeric(s, clock, out value);
        if (char.IsAsciiLetterUpper(c))
            return NamedTimestampReader.Read(s, clock, out value);
        return 0;
    }

    /// <summary>True when the whole of <paramref name="s"/> (trimmed) is one timestamp.</summary>
    public static bool TryReadWhole(ReadOnlySpan<char> s, LogClock? clock, out DateTimeOffset value)
    {
        s = s.Trim();
        return Read(s, clock, out value) == s.Length && s.Length > 0;
    }

    private static int ReadNumeric(ReadOnlySpan<char> s, LogClock? clock, out DateTimeOffset value)
    {
        value = default;
        var n = 0;
        while (n < s.Length && n < 20 && char.IsAsciiDigit(s[n]))
            n++;
        return n switch
        {
            4 when s[4] is '-' or '/' or '.' => ReadYearFirst(s, out value),
            6 when s[6] is ' ' or 'T' => ReadCompact(s, out value),
            2 when s[2] == ':' => ReadTimeOnly(s, clock, out value),
            2 when s[2] is '/' or '-' or '.' => char.IsAsciiLetter(s[3]) ? ReadDayMonthName(s, out value) : ReadShortDate(s, clock, out value),
            10 or 13 or 16 or 19 => ReadEpoch(s, n, out value),
            _ => 0,
        };
    }

    /// <summary>2024-01-02T15:04:05.123Z, 2024-01-02 15:04:05,123 +02:00, 2024/01/02 15:04:05, 2024.01.02.</summary>
    private static int ReadYearFirst(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        var sep = s[4];
        var year = TimestampMath.Digits(s, 0, 4);
        var month = TimestampMath.Digits(s, 5, 2);
        var day = TimestampMath.Digits(s, 8, 2);
        if (month < 0 || day < 0 || s[7] != sep)
            return 0;
        var p = 10;
        long timeOfDay = 0;
        var offset = 0;
        if (p + 1 < s.Length && s[p] is 'T' or ' ' or '_' && char.IsAsciiDigit(s[p + 1]))
        {
            var q = ClockReader.ReadClock(s, p + 1, false, out timeOfDay, out _);
            if (q > 0)
                p = ClockReader.ReadZone(s, q, out offset);
            else if (s[p] == 'T')
                return 0;
            else
                timeOfDay = 0;
        }

        return TimestampMath.TryBuild(year, month, day, timeOfDay, offset, out value) ? p : 0;
    }

    /// <summary>HDFS and old MySQL: 081109 203615, 151005 12:00:00.</summary>
    private static int ReadCompact(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        var year = 2000 + TimestampMath.Digits(s, 0, 2);
        var month = TimestampMath.Digits(s, 2, 2);
        var day = TimestampMath.Digits(s, 4, 2);
        var p = 7;
        while (p < s.Length && s[p] == ' ')
            p++;
        long timeOfDay;
        var hhmmss = TimestampMath.Digits(s, p, 6);
        if (hhmmss >= 0 && (p + 6 == s.Length || !char.IsAsciiDigit(s[p + 6])))
        {
            timeOfDay = TimestampMath.TimeOfDay(hhmmss / 10000, hhmmss / 100 % 100, hhmmss % 100, 0);
            p += 6;
        }
        else
        {
            p = ClockReader.ReadClock(s, p, true, out timeOfDay, out _);
        }

        return p > 0 && TimestampMath.TryBuild(year, month, day, timeOfDay, 0, out value) ? p : 0;
    }

    /// <summary>A bare time of day: 12:00:00, 15:04:05.123 (the date comes from the clock).</summary>
    private static int ReadTimeOnly(ReadOnlySpan<char> s, LogClock? clock, out DateTimeOffset value)
    {
        value = default;
        var p = ClockReader.ReadClock(s, 0, false, out var timeOfDay, out _);
        if (p <= 0 || clock is null || (p < s.Length && char.IsAsciiLetterOrDigit(s[p])))
            return 0;
        p = ClockReader.ReadZone(s, p, out var offset);
        return clock.TryWithoutDate(timeOfDay, offset, out value) ? p : 0;
    }

    /// <summary>17/06/09 (yy/MM/dd), 01/02/2024 (MM/dd/yyyy), 02.01.2024 and 02-01-2024 (dd.MM.yyyy), logcat 03-17.</summary>
    private static int ReadShortDate(ReadOnlySpan<char> s, LogClock? clock, out DateTimeOffset value)
    {
        value = default;
        var sep = s[2];
        var a = TimestampMath.Digits(s, 0, 2);
        var b = TimestampMath.Digits(s, 3, 2);
        if (b < 0 || s.Length < 8)
            return 0;
        int year, month, day, p;
        if (s[5] == sep && TimestampMath.Digits(s, 6, 4) is var y4 and >= 0 && (s.Length == 10 || !char.IsAsciiDigit(s[10])))
        {
            (year, p) = (y4, 10);
            (month, day) = sep == '/' && a <= 12 ? (a, b) : (b, a);
        }
        else if (s[5] == sep && TimestampMath.Digits(s, 6, 2) is var y2 and >= 0 && (s.Length == 8 || !char.IsAsciiDigit(s[8])))
        {
            p = 8;
            (year, month, day) = sep == '/' ? (2000 + a, b, y2) : (2000 + y2, b, a);
        }
        else if (sep == '-' && s[5] == ' ')
        {
            (year, month, day, p) = (0, a, b, 5);
        }
        else
        {
            return 0;
        }

        long timeOfDay = 0;
        var offset = 0;
        if (p + 1 < s.Length && s[p] is ' ' or ':' or '-' && char.IsAsciiDigit(s[p + 1]))
        {
            var q = ClockReader.ReadClock(s, p + 1, false, out timeOfDay, out _);
            if (q > 0)
                p = ClockReader.ReadZone(s, q, out offset);
            else
                timeOfDay = 0;
        }

        if (year != 0)
            return TimestampMath.TryBuild(year, month, day, timeOfDay, offset, out value) ? p : 0;
        // logcat's MM-dd always carries a time
        return timeOfDay > 0 && clock is not null && clock.TryWithoutYear(month, day, timeOfDay, offset, out value) ? p : 0;
    }

    /// <summary>10/Oct/2000:13:55:36 -0700 (access logs), 02-Jan-2024 10:00:00 (PHP, Tomcat).</summary>
    private static int ReadDayMonthName(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        var sep = s[2];
        var day = TimestampMath.Digits(s, 0, 2);
        var month = TimestampMath.Month(s, 3);
        if (month == 0 || s.Length < 11 || s[6] != sep)
            return 0;
        var year = TimestampMath.Digits(s, 7, 4);
        var p = 11;
        long timeOfDay = 0;
        var offset = 0;
        if (p + 1 < s.Length && s[p] is ':' or ' ' && char.IsAsciiDigit(s[p + 1]))
        {
            var q = ClockReader.ReadClock(s, p + 1, false, out timeOfDay, out _);
            if (q > 0)
                p = ClockReader.ReadZone(s, q, out offset);
            else
                timeOfDay = 0;
        }

        return TimestampMath.TryBuild(year, month, day, timeOfDay, offset, out value) ? p : 0;
    }

    /// <summary>What may follow an epoch number for it to be a timestamp (the header detector asks the same).</summary>
    internal static bool IsEpochEnd(ReadOnlySpan<char> s, int p) => p >= s.Length || s[p] is ' ' or '\t' or '.' or ',' or '|' or ']';

    /// <summary>Epoch seconds (with an optional fraction), milliseconds, microseconds or nanoseconds, told apart by length.</summary>
    private static int ReadEpoch(ReadOnlySpan<char> s, int digits, out DateTimeOffset value)
    {
        value = default;
        ulong number = 0;
        for (var i = 0; i < digits; i++)
            number = (number * 10) + (uint)(s[i] - '0');
        var p = digits;
        long fraction = 0;
        if (digits == 10 && p + 1 < s.Length && s[p] == '.' && char.IsAsciiDigit(s[p + 1]))
            p = TimestampMath.ReadFraction(s, p + 1, out fraction);
        if (!IsEpochEnd(s, p))
            return 0;
        var ticks = digits switch
        {
            10 => ((long)number * TimeSpan.TicksPerSecond) + fraction,
            13 => (long)number * TimeSpan.TicksPerMillisecond,
            16 => (long)number * 10,
            _ => (long)(number / 100),
        };
        if (number == 0 || ticks > MaxEpochTicks)
            return 0;
        value = DateTimeOffset.UnixEpoch.AddTicks(ticks);
        return p;
    }
}
