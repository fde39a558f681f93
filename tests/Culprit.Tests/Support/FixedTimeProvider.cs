namespace Culprit.Tests.Support;

/// <summary>A clock stopped at one instant, for timestamps written without a year or date.</summary>
public sealed class FixedTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _now;

    public FixedTimeProvider(DateTimeOffset now) => _now = now;

    /// <summary>2024-06-15 12:00:00 UTC, the "now" of the parsing tests.</summary>
    public static FixedTimeProvider Midyear2024 { get; } = new(new DateTimeOffset(2024, 6, 15, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => _now;
}
