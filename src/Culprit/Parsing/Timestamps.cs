using System.Globalization;
using System.Text.Json;

namespace Culprit.Parsing;

/// <summary>Reads timestamps in the forms loggers write, always as UTC and with the invariant culture.</summary>
public static class Timestamps
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss,FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss,fff",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy/MM/dd HH:mm:ss.FFFFFFF",
        "yyyy/MM/dd HH:mm:ss",
        "dd/MMM/yyyy:HH:mm:ss zzz",
    ];

    public static bool TryParse(JsonElement value, out DateTimeOffset timestamp)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number))
            return TryFromEpoch(number, out timestamp);
        if (value.ValueKind == JsonValueKind.String)
            return TryParse(value.GetString().AsSpan(), out timestamp);
        timestamp = default;
        return false;
    }

    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset timestamp)
    {
        text = text.Trim();
        if (TimestampReader.TryReadWhole(text, null, out timestamp))
            return true;
        if (DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out timestamp))
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
