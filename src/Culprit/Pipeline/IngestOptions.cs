namespace Culprit.Pipeline;

/// <summary>How a persisting run batches its writes.</summary>
public sealed class IngestOptions
{
    /// <summary>Entries per stored batch (default 10,000): each batch is one log-store append and one incident-store transaction with its checkpoint.</summary>
    public int BatchEntries { get; set; } = 10_000;

    /// <summary>Archive the raw lines (default true).</summary>
    public bool Archive { get; set; } = true;
}
