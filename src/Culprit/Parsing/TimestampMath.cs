namespace Culprit.Parsing;

/// <summary>Builds UTC instants from parsed parts, checking every range first so that nothing throws.</summary>
internal static class TimestampMath
{
    private const long MaxTicks = 3155378975999999999; // DateTime.MaxValue.Ticks

    public static long TimeOfDay(int hour, int minute, int second, long fractionTicks)
    {
        if (hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 60 || fractionTicks is < 0 or >= TimeSpan.TicksPerSecond)
            return -1;
        // A leap second (23:59:60) is kept inside its minute.
        if (second == 60)
            second = 59;
        return (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute) + (second * TimeSpan.TicksPerSecond) + fractionTicks;
    }

    public static bool TryBuild(int year, int month, int day, long timeOfDay, int offsetMinutes, out DateTimeOffset value)
    {
        value = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        if (timeOfDay is < 0 or >= TimeSpan.TicksPerDay || offsetMinutes is < -18 * 60 or > 18 * 60)
            return false;
        var ticks = new DateTime(year, month, day).Ticks + timeOfDay - (offsetMinutes * TimeSpan.TicksPerMinute);
        if (ticks is < 0 or > MaxTicks)
            return false;
        value = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    /// <summary>Up to seven fraction digits as ticks; further digits (nanoseconds) are read past and dropped.</summary>
    public static int ReadFraction(ReadOnlySpan<char> s, int p, out long ticks)
    {
        ticks = 0;
        var scale = TimeSpan.TicksPerSecond;
        while (p < s.Length && char.IsAsciiDigit(s[p]))
        {
            if (scale > 1)
            {
                scale /= 10;
                ticks += (s[p] - '0') * scale;
            }

            p++;
        }

        return p;
    }

    /// <summary>Exactly <paramref name="count"/> ASCII digits at <paramref name="p"/> as a number, or -1.</summary>
    public static int Digits(ReadOnlySpan<char> s, int p, int count)
    {
        if (p < 0 || p + count > s.Length)
            return -1;
        var value = 0;
        for (var i = p; i < p + count; i++)
        {
            var d = s[i] - '0';
            if ((uint)d > 9)
                return -1;
            value = (value * 10) + d;
        }

        return value;
    }

    /// <summary>One or two digits at <paramref name="p"/>; <paramref name="length"/> is how many were read.</summary>
    public static int OneOrTwoDigits(ReadOnlySpan<char> s, int p, out int length)
    {
        length = 0;
        if (p >= s.Length || !char.IsAsciiDigit(s[p]))
            return -1;
        if (p + 1 < s.Length && char.IsAsciiDigit(s[p + 1]))
        {
            length = 2;
            return ((s[p] - '0') * 10) + (s[p + 1] - '0');
        }

        length = 1;
        return s[p] - '0';
    }

    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    private static readonly string[] DayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    /// <summary>The month (1-12) of a three-letter English name at <paramref name="p"/> (any case), or 0.</summary>
    public static int Month(ReadOnlySpan<char> s, int p)
    {
        if (p + 3 > s.Length)
            return 0;
        var name = s.Slice(p, 3);
        for (var i = 0; i < MonthNames.Length; i++)
        {
            if (name.Equals(MonthNames[i], StringComparison.OrdinalIgnoreCase))
                return i + 1;
        }

        return 0;
    }

    /// <summary>True when a three-letter English weekday name (capitalised) sits at <paramref name="p"/>.</summary>
    public static bool IsDayName(ReadOnlySpan<char> s, int p)
    {
        if (p + 3 > s.Length)
            return false;
        var name = s.Slice(p, 3);
        foreach (var day in DayNames)
        {
            if (name.Equals(day, StringComparison.Ordinal))
                return true;
        }

        return false;
    }
}
