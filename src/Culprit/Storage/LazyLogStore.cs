namespace Culprit.Storage;

/// <summary>
/// Opens (and migrates) a log store on first use, so commands that only read incidents never touch it —
/// an embedded DuckDB file admits one process at a time, and `culprit incidents` should work while an
/// `analyze` is writing.
/// </summary>
public sealed class LazyLogStore(Func<ILogStore> open) : ILogStore
{
    private ILogStore? _store;
    private bool _migrate;

    private async Task<ILogStore> StoreAsync(CancellationToken cancellationToken)
    {
        if (_store is null)
        {
            _store = open();
            if (_migrate)
                await _store.MigrateAsync(cancellationToken);
        }

        return _store;
    }

    public Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (_store is not null)
            return _store.MigrateAsync(cancellationToken);
        _migrate = true;
        return Task.CompletedTask;
    }

    public async Task AppendAsync(IReadOnlyList<LogRow> rows, CancellationToken cancellationToken = default) =>
        await (await StoreAsync(cancellationToken)).AppendAsync(rows, cancellationToken);

    public async Task<long> HighWaterMarkAsync(string source, CancellationToken cancellationToken = default) =>
        await (await StoreAsync(cancellationToken)).HighWaterMarkAsync(source, cancellationToken);

    public async Task<IReadOnlyList<LogRow>> SearchAsync(LogQuery query, CancellationToken cancellationToken = default) =>
        await (await StoreAsync(cancellationToken)).SearchAsync(query, cancellationToken);

    public async Task<IReadOnlyList<TimeBucket>> TimelineAsync(LogQuery query, TimeSpan bucket, CancellationToken cancellationToken = default) =>
        await (await StoreAsync(cancellationToken)).TimelineAsync(query, bucket, cancellationToken);

    public async Task<IReadOnlyList<IncidentCount>> TopIncidentsAsync(LogQuery query, CancellationToken cancellationToken = default) =>
        await (await StoreAsync(cancellationToken)).TopIncidentsAsync(query, cancellationToken);

    public async Task<IReadOnlyList<HeatmapCell>> HeatmapAsync(LogQuery query, CancellationToken cancellationToken = default) =>
        await (await StoreAsync(cancellationToken)).HeatmapAsync(query, cancellationToken);

    public async Task<IReadOnlyList<LogRow>> TraceAsync(string traceId, CancellationToken cancellationToken = default) =>
        await (await StoreAsync(cancellationToken)).TraceAsync(traceId, cancellationToken);

    public async Task<long> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        await (await StoreAsync(cancellationToken)).DeleteOlderThanAsync(cutoff, cancellationToken);

    public async Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        await (await StoreAsync(cancellationToken)).CountAsync(cancellationToken);

    public ValueTask DisposeAsync() => _store?.DisposeAsync() ?? ValueTask.CompletedTask;
}
