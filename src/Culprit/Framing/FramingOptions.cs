namespace Culprit.Framing;

/// <summary>Limits on one entry.</summary>
public sealed class FramingOptions
{
    /// <summary>Most lines one entry may hold before it is split (default 20,000: a large Go goroutine dump fits).</summary>
    public int MaxEntryLines { get; set; } = 20_000;

    /// <summary>Most characters one entry may hold before it is split (default 8 MiB).</summary>
    public long MaxEntryBytes { get; set; } = 8L << 20;
}
