namespace Culprit.Storage;

/// <summary>The stores one run writes to; disposing it closes them.</summary>
public sealed class StoreSet(IIncidentStore incidents, ILogStore logs, IRawArchive archive, string description, ICodeIndexStore codeIndex) : IAsyncDisposable
{
    public IIncidentStore Incidents { get; } = incidents;

    public ILogStore Logs { get; } = logs;

    public IRawArchive Archive { get; } = archive;

    /// <summary>The code index, in the incident database (migrated with it).</summary>
    public ICodeIndexStore CodeIndex { get; } = codeIndex;

    /// <summary>Where the data lives, for messages ("embedded .culprit/", "postgres + clickhouse + s3://…").</summary>
    public string Description { get; } = description;

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await Incidents.MigrateAsync(cancellationToken);
        await Logs.MigrateAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Incidents.DisposeAsync();
        await Logs.DisposeAsync();
        await CodeIndex.DisposeAsync();
        if (Archive is IAsyncDisposable archive)
            await archive.DisposeAsync();
    }
}
