namespace Culprit.Storage;

/// <summary>Normalised log entries: bulk append, search, timelines, top incidents, heatmaps, traces.</summary>
/// <remarks>
/// Every store keeps times in UTC to the millisecond (finer ticks are dropped; other offsets come back as the
/// same instant in UTC), reads empty optional text back as missing, and keeps any other text exactly.
/// Timeline buckets are aligned to the Unix epoch, so day buckets start at midnight UTC.
/// </remarks>
public interface ILogStore : IAsyncDisposable
{
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends rows. One call is stored whole or not at all, so the highest line stored per source
    /// (<see cref="HighWaterMarkAsync"/>) tells a restarted run exactly where this store stands.
    /// </summary>
    Task AppendAsync(IReadOnlyList<LogRow> rows, CancellationToken cancellationToken = default);

    /// <summary>The highest line stored for the source, 0 when none.</summary>
    Task<long> HighWaterMarkAsync(string source, CancellationToken cancellationToken = default);

    /// <summary>Entries matching the query, newest first.</summary>
    Task<IReadOnlyList<LogRow>> SearchAsync(LogQuery query, CancellationToken cancellationToken = default);

    /// <summary>Entry counts per time bucket (buckets without entries are left out), oldest first.</summary>
    Task<IReadOnlyList<TimeBucket>> TimelineAsync(LogQuery query, TimeSpan bucket, CancellationToken cancellationToken = default);

    /// <summary>Incidents with the most entries in the query's window, largest first.</summary>
    Task<IReadOnlyList<IncidentCount>> TopIncidentsAsync(LogQuery query, CancellationToken cancellationToken = default);

    /// <summary>Failures per culprit file and function, largest first.</summary>
    Task<IReadOnlyList<HeatmapCell>> HeatmapAsync(LogQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every entry of one trace, oldest first.</summary>
    Task<IReadOnlyList<LogRow>> TraceAsync(string traceId, CancellationToken cancellationToken = default);

    /// <summary>Deletes entries older than the cutoff; returns how many (or an estimate where the engine deletes asynchronously).</summary>
    Task<long> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);

    /// <summary>How many entries are stored.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken = default);
}
