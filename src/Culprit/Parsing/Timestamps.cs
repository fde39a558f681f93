using System.Globalization;

namespace Culprit.Parsing;

/// <summary>Reads a whole timestamp value (a structured field), always as UTC and with the invariant culture.</summary>
public static class Timestamps
{
    /// <summary>
    /// The forms of <see cref="TimestampReader"/> first (no allocation); then anything the invariant culture
    /// reads (RFC 1123, <c>2024-01-02T15:04:05.1234567</c> variants); then a number as epoch time.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset timestamp)
    {
        text = text.Trim();
        if (TimestampReader.TryReadWhole(text, null, out timestamp))
            return true;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out timestamp))
            return true;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return TryFromEpoch(number, out timestamp);
        return false;
    }

    /// <summary>Epoch seconds, milliseconds, microseconds or nanoseconds, told apart by magnitude.</summary>
    public static bool TryFromEpoch(double value, out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (value <= 0 || double.IsNaN(value))
            return false;
        var seconds = value switch
        {
            < 1e11 => value,
            < 1e14 => value / 1e3,
            < 1e17 => value / 1e6,
            _ => value / 1e9,
        };
        if (seconds > 32503680000)
            return false;
        timestamp = DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
        return true;
    }
}
