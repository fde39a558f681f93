namespace Culprit.Parsing;

/// <summary>The time-of-day part of a timestamp and the zone after it, shared by the timestamp readers.</summary>
internal static class ClockReader
{
    /// <summary>
    /// HH:mm:ss with an optional .fff or ,fff fraction at <paramref name="p"/>; the hour may have one digit
    /// when <paramref name="shortHour"/>. Returns the position after it, or -1.
    /// </summary>
    internal static int ReadClock(ReadOnlySpan<char> s, int p, bool shortHour, out long timeOfDay, out int hour)
    {
        timeOfDay = -1;
        int hourLength;
        if (shortHour)
        {
            hour = TimestampMath.OneOrTwoDigits(s, p, out hourLength);
        }
        else
        {
            hour = TimestampMath.Digits(s, p, 2);
            hourLength = 2;
        }

        p += hourLength;
        if (hour < 0 || p + 6 > s.Length || s[p] != ':' || s[p + 3] != ':')
            return -1;
        var minute = TimestampMath.Digits(s, p + 1, 2);
        var second = TimestampMath.Digits(s, p + 4, 2);
        if (minute < 0 || second < 0)
            return -1;
        p += 6;
        long fraction = 0;
        if (p + 1 < s.Length && s[p] is '.' or ',' && char.IsAsciiDigit(s[p + 1]))
            p = TimestampMath.ReadFraction(s, p + 1, out fraction);
        timeOfDay = TimestampMath.TimeOfDay(hour, minute, second, fraction);
        return timeOfDay < 0 ? -1 : p;
    }

    /// <summary>
    /// An optional zone after a time: Z, +02:00, +0200, +02, or after one space +0200 / -07:00 / UTC / GMT.
    /// Returns the position after it (unchanged when there is none; the time is then UTC).
    /// </summary>
    internal static int ReadZone(ReadOnlySpan<char> s, int p, out int offsetMinutes)
    {
        offsetMinutes = 0;
        if (p >= s.Length)
            return p;
        var c = s[p];
        if (c == 'Z')
            return p + 1 == s.Length || !char.IsAsciiLetterOrDigit(s[p + 1]) ? p + 1 : p;
        if (c is '+' or '-')
        {
            var q = ReadOffset(s, p, minutesRequired: false, out offsetMinutes);
            return q > 0 ? q : p;
        }

        if (c == ' ' && p + 3 < s.Length)
        {
            if (s[p + 1] is '+' or '-')
            {
                var q = ReadOffset(s, p + 1, minutesRequired: true, out offsetMinutes);
                return q > 0 ? q : p;
            }

            var name = s.Slice(p + 1, 3);
            if ((name is "UTC" or "GMT") && (p + 4 == s.Length || !char.IsAsciiLetterOrDigit(s[p + 4])))
                return p + 4;
        }

        return p;
    }

    private static int ReadOffset(ReadOnlySpan<char> s, int p, bool minutesRequired, out int offsetMinutes)
    {
        offsetMinutes = 0;
        var sign = s[p] == '-' ? -1 : 1;
        var hours = TimestampMath.Digits(s, p + 1, 2);
        if (hours is < 0 or > 18)
            return -1;
        var q = p + 3;
        var minutes = 0;
        if (q + 2 < s.Length && s[q] == ':' && TimestampMath.Digits(s, q + 1, 2) is var m1 and >= 0)
        {
            minutes = m1;
            q += 3;
        }
        else if (TimestampMath.Digits(s, q, 2) is var m2 and >= 0)
        {
            minutes = m2;
            q += 2;
        }
        else if (minutesRequired)
        {
            return -1;
        }

        if (minutes > 59 || (q < s.Length && char.IsAsciiDigit(s[q])))
            return -1;
        offsetMinutes = sign * ((hours * 60) + minutes);
        return q;
    }
}
