namespace Culprit.Parsing;

/// <summary>
/// Timestamps that start with an English month name: syslog <c>Oct 11 22:14:15</c> (no year),
/// java.util.logging <c>Jul 09, 2015 3:23:29 PM</c>, <c>Oct 11 2024 22:14:15</c>, and C's asctime with a
/// weekday and the year after the time (<c>Sun Dec 04 04:47:44 2005</c>, Apache's error log).
/// </summary>
internal static class NamedTimestampReader
{
    public static int Read(ReadOnlySpan<char> s, LogClock? clock, out DateTimeOffset value)
    {
        value = default;
        // every form has a space after its first three letters: "Oct 11", "Sun Dec"
        if (s.Length < 8 || s[3] != ' ')
            return 0;
        var p = 0;
        if (TimestampMath.IsDayName(s, 0) && s.Length > 8 && s[3] == ' ')
            p = 4;
        var month = TimestampMath.Month(s, p);
        if (month == 0 || p + 5 > s.Length || s[p + 3] != ' ')
            return 0;
        p += 4;
        if (s[p] == ' ')
            p++;
        var day = TimestampMath.OneOrTwoDigits(s, p, out var dayLength);
        if (day < 0)
            return 0;
        p += dayLength;
        var year = -1;
        if (p + 6 < s.Length && s[p] == ',' && s[p + 1] == ' ')
        {
            year = TimestampMath.Digits(s, p + 2, 4);
            p += 6;
        }
        else if (p + 6 < s.Length && s[p] == ' ' && s[p + 5] == ' ' && TimestampMath.Digits(s, p + 1, 4) is var y and >= 0)
        {
            year = y;
            p += 5;
        }

        if (p + 1 >= s.Length || s[p] != ' ')
            return 0;
        p = ClockReader.ReadClock(s, p + 1, true, out var timeOfDay, out var hour);
        if (p < 0)
            return 0;
        p = ReadMeridiem(s, p, hour, ref timeOfDay);
        if (year < 0 && p + 5 <= s.Length && s[p] == ' ' && TimestampMath.Digits(s, p + 1, 4) is var late and >= 0
            && (p + 5 == s.Length || !char.IsAsciiLetterOrDigit(s[p + 5])))
        {
            year = late;
            p += 5;
        }

        p = ClockReader.ReadZone(s, p, out var offset);
        if (year >= 0)
            return TimestampMath.TryBuild(year, month, day, timeOfDay, offset, out value) ? p : 0;
        return clock is not null && clock.TryWithoutYear(month, day, timeOfDay, offset, out value) ? p : 0;
    }

    /// <summary>True for syslog's own form, <c>Oct 11 22:14:15</c> / <c>Oct  1 22:14:15</c>: no weekday, no year before the time.</summary>
    public static bool IsSyslogForm(ReadOnlySpan<char> s)
    {
        if (s.Length < 15 || TimestampMath.Month(s, 0) == 0 || s[3] != ' ')
            return false;
        var p = s[4] == ' ' ? 5 : 4;
        p += HeaderText.DigitRun(s, p);
        return p + 3 < s.Length && s[p] == ' ' && char.IsAsciiDigit(s[p + 1]) && char.IsAsciiDigit(s[p + 2]) && s[p + 3] == ':';
    }

    /// <summary>" AM" / " PM" after a 12-hour time.</summary>
    private static int ReadMeridiem(ReadOnlySpan<char> s, int p, int hour, ref long timeOfDay)
    {
        if (p + 3 > s.Length || s[p] != ' ' || (s[p + 2] is not ('M' or 'm')) || (p + 3 < s.Length && char.IsAsciiLetter(s[p + 3])))
            return p;
        var pm = s[p + 1] is 'P' or 'p';
        if (!pm && s[p + 1] is not ('A' or 'a'))
            return p;
        if (hour is < 1 or > 12)
            return p;
        if (pm && hour < 12)
            timeOfDay += 12 * TimeSpan.TicksPerHour;
        else if (!pm && hour == 12)
            timeOfDay -= 12 * TimeSpan.TicksPerHour;
        return p + 3;
    }
}
