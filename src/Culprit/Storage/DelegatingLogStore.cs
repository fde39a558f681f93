using Culprit.Model;

namespace Culprit.Storage;

/// <summary>
/// A log store that passes every call to another one; derive from it to change one call (time the appends,
/// fail on purpose) without repeating the rest. Disposing it does not dispose the inner store.
/// </summary>
public abstract class DelegatingLogStore(ILogStore inner) : ILogStore
{
    protected ILogStore Inner { get; } = inner;

    public virtual Task MigrateAsync(CancellationToken cancellationToken = default) => Inner.MigrateAsync(cancellationToken);

    public virtual Task AppendAsync(IReadOnlyList<LogRow> rows, CancellationToken cancellationToken = default) => Inner.AppendAsync(rows, cancellationToken);

    public virtual Task<long> HighWaterMarkAsync(string source, CancellationToken cancellationToken = default) => Inner.HighWaterMarkAsync(source, cancellationToken);

    public virtual Task<IReadOnlyList<LogRow>> SearchAsync(LogQuery query, CancellationToken cancellationToken = default) => Inner.SearchAsync(query, cancellationToken);

    public virtual Task<IReadOnlyList<TimeBucket>> TimelineAsync(LogQuery query, TimeSpan bucket, CancellationToken cancellationToken = default) => Inner.TimelineAsync(query, bucket, cancellationToken);

    public virtual Task<IReadOnlyList<IncidentCount>> TopIncidentsAsync(LogQuery query, CancellationToken cancellationToken = default) => Inner.TopIncidentsAsync(query, cancellationToken);

    public virtual Task<IReadOnlyList<HeatmapCell>> HeatmapAsync(LogQuery query, CancellationToken cancellationToken = default) => Inner.HeatmapAsync(query, cancellationToken);

    public virtual Task<IReadOnlyList<LogRow>> TraceAsync(string traceId, CancellationToken cancellationToken = default) => Inner.TraceAsync(traceId, cancellationToken);

    public virtual Task<long> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) => Inner.DeleteOlderThanAsync(cutoff, cancellationToken);

    public virtual Task<long> CountAsync(CancellationToken cancellationToken = default) => Inner.CountAsync(cancellationToken);

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
