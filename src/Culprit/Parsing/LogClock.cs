namespace Culprit.Parsing;

/// <summary>
/// Completes timestamps that leave out the year (syslog, glog, logcat) or the date (a bare <c>HH:mm:ss</c>)
/// from an injected clock: the most recent such moment that is not clearly in the future. Times without a
/// zone are taken as UTC.
/// </summary>
internal sealed class LogClock
{
    // A yearless stamp up to this far ahead of now is still this year (clock skew, zones east of UTC).
    private static readonly TimeSpan YearSlack = TimeSpan.FromDays(2);
    private static readonly TimeSpan DaySlack = TimeSpan.FromHours(14);

    private readonly TimeProvider _time;

    public LogClock(TimeProvider time) => _time = time;

    public static LogClock System { get; } = new(TimeProvider.System);

    public DateTimeOffset UtcNow => _time.GetUtcNow();

    /// <summary>A month/day/time seen without a year.</summary>
    public bool TryWithoutYear(int month, int day, long timeOfDay, int offsetMinutes, out DateTimeOffset value)
    {
        var now = UtcNow;
        // Walk back at most one leap cycle: 29 February needs a leap year.
        for (var year = now.Year; year >= now.Year - 8 && year > 1; year--)
        {
            if (!TimestampMath.TryBuild(year, month, day, timeOfDay, offsetMinutes, out value))
                continue;
            if (value <= now + YearSlack)
                return true;
        }

        value = default;
        return false;
    }

    /// <summary>A time of day seen without a date: today (UTC) unless that is ahead of now, then yesterday.</summary>
    public bool TryWithoutDate(long timeOfDay, int offsetMinutes, out DateTimeOffset value)
    {
        var now = UtcNow;
        if (!TimestampMath.TryBuild(now.Year, now.Month, now.Day, timeOfDay, offsetMinutes, out value))
            return false;
        if (value > now + DaySlack && value.UtcTicks > TimeSpan.TicksPerDay)
            value = value.AddDays(-1);
        return true;
    }
}
