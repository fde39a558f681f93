namespace Culprit.Storage;

/// <summary>
/// Enforces the retention windows of <see cref="StorageOptions"/>: archive chunks, log entries and occurrence
/// samples older than their window are removed (incident counts are kept for ever). Runs once after each
/// analyze, and on a timer in long-running processes.
/// </summary>
public sealed class RetentionSweeper(StoreSet stores, StorageOptions options, TimeProvider time)
{
    /// <summary>One sweep; returns what it removed.</summary>
    public async Task<RetentionResult> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var chunks = options.ArchiveRetentionDays > 0
            ? await stores.Archive.DeleteOlderThanAsync(now.AddDays(-options.ArchiveRetentionDays), cancellationToken)
            : 0;
        var entries = options.LogRetentionDays > 0
            ? await stores.Logs.DeleteOlderThanAsync(now.AddDays(-options.LogRetentionDays), cancellationToken)
            : 0;
        var samples = options.SampleRetentionDays > 0
            ? await stores.Incidents.DropSamplesOlderThanAsync(now.AddDays(-options.SampleRetentionDays), cancellationToken)
            : 0;
        return new RetentionResult(chunks, entries, samples);
    }

    /// <summary>Sweeps every <paramref name="interval"/> until cancelled; a failed sweep is reported and the next one still runs.</summary>
    public async Task RunPeriodicallyAsync(TimeSpan interval, Action<Exception> onFailure, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            try
            {
                await SweepAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                onFailure(e);
            }
        }
    }
}

/// <summary>What one retention sweep removed.</summary>
public sealed record RetentionResult(int ArchiveChunks, long LogEntries, long Samples);
