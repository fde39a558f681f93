namespace Culprit.Storage;

/// <summary>Rules every log store shares: empty optional text is missing, times are kept to the millisecond in UTC, how text queries split and how far limits go.</summary>
internal static class LogRowText
{
    public static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>Timestamps are kept to the millisecond, in UTC, by every log store.</summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset value)
    {
        var utc = value.UtcTicks;
        return new DateTimeOffset(utc - (utc % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public static DateTimeOffset FromUnixMilliseconds(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    /// <summary>The words of a free-text query; each must appear in the message.</summary>
    public static string[] SearchWords(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The row limit a query asks for, kept within what one answer should carry.</summary>
    public static int Limit(LogQuery query) => Math.Clamp(query.Limit, 0, MaxLimit);

    public const int MaxLimit = 100_000;
}
