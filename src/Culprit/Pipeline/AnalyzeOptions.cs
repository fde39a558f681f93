using Culprit.Grouping;

namespace Culprit.Pipeline;

/// <summary>What <c>culprit analyze</c> reads and keeps.</summary>
public sealed class AnalyzeOptions
{
    /// <summary>Keep only entries at or after this instant; entries without a timestamp are kept.</summary>
    public DateTimeOffset? Since { get; set; }

    /// <summary>Keep only entries of this service (case-insensitive); null keeps all.</summary>
    public string? Service { get; set; }

    public GroupingOptions Grouping { get; set; } = new();

    /// <summary>Framed entries handed from the reading thread to the parsing thread per batch.</summary>
    public int BatchSize { get; set; } = 512;

    /// <summary>Batches that may wait between the two threads (bounded, so memory stays flat).</summary>
    public int QueueBatches { get; set; } = 16;
}
