using Culprit.Model;
using Culprit.Storage.Migrations;

namespace Culprit.Storage.Sqlite;

/// <summary>
/// The embedded incident store: one SQLite file (the CLI uses <c>.culprit/incidents.db</c>) in WAL mode, so
/// readers never wait for the writer and a killed process loses nothing that was committed. Several store
/// instances, in one process or several, may share the file; writers take turns. The stores of feedback, saved
/// queries, users and jobs are in the partial files beside.
/// </summary>
public sealed partial class SqliteIncidentStore : IIncidentStore, Parsing.Templates.ITemplateStateStore, Rca.Cache.IRcaResultStore, IDeployStore
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;

    /// <param name="path">The database file; it and its folder are created when missing.</param>
    /// <param name="time">The clock for update times and status history.</param>
    public SqliteIncidentStore(string path, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _database = new SqliteDatabase(path);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The full path of the database file.</summary>
    public string FilePath => _database.FilePath;

    public Task MigrateAsync(CancellationToken cancellationToken = default) => MigrateToAsync(MigrationSet.Sqlite.Latest, cancellationToken);

    public Task CommitAsync(IncidentBatch batch, CancellationToken cancellationToken = default)
    {
        var prepared = PreparedBatch.From(batch);
        return _database.RunAsync(
            async connection =>
            {
                await SqliteBatchWriter.CommitAsync(connection, prepared, _time.GetUtcNow(), cancellationToken);
                return true;
            },
            cancellationToken);
    }

    public Task<SourceCheckpoint?> GetCheckpointAsync(string source, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => SqliteIncidentReader.CheckpointAsync(connection, source, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<IncidentRecord>> ListIncidentsAsync(IncidentFilter filter, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => SqliteIncidentReader.ListAsync(connection, filter, cancellationToken), cancellationToken);

    public Task<IncidentRecord?> GetIncidentAsync(string id, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => SqliteIncidentReader.GetAsync(connection, id, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<(DateTimeOffset Hour, long Count)>> GetHourlyCountsAsync(string id, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => SqliteIncidentReader.HourlyAsync(connection, id, cancellationToken), cancellationToken);

    public Task<bool> SetStatusAsync(string id, IncidentStatus status, string? actor, string? note, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => SqliteStatusWriter.SetAsync(connection, id, status, actor, note, _time.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<IReadOnlyList<StatusChange>> GetStatusHistoryAsync(string id, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => SqliteIncidentReader.HistoryAsync(connection, id, cancellationToken), cancellationToken);

    public Task<long> DropSamplesOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => SqliteStatusWriter.DropSamplesAsync(connection, cutoff, cancellationToken), cancellationToken);

    public Task<RcaReport?> FindAsync(Rca.Cache.RcaCacheKey key, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => SqliteRcaResults.FindAsync(connection, key, cancellationToken), cancellationToken);

    public Task<string> SaveAsync(Rca.Cache.RcaCacheKey key, RcaReport report, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => SqliteRcaResults.SaveAsync(connection, new RcaResultRow(key, report), cancellationToken), cancellationToken);

    public Task<IReadOnlyList<RcaReport>> ListAsync(string incidentId, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => SqliteRcaResults.ListAsync(connection, incidentId, cancellationToken), cancellationToken);

    public Task<bool> RecordDeployAsync(DeployRecord deploy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deploy);
        return _database.RunAsync(connection => SqliteDeploys.RecordAsync(connection, deploy, _time.GetUtcNow(), cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<DeployRecord>> ListDeploysAsync(string? service = null, string? environment = null, int? limit = null, CancellationToken cancellationToken = default) =>
        await _database.RunAsync(connection => SqliteDeploys.ListAsync(connection, service, environment, limit, cancellationToken), cancellationToken);

    public Task<DeployRecord?> GetActiveDeployAsync(string service, string environment, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => SqliteDeploys.ActiveAsync(connection, service, environment, at, cancellationToken), cancellationToken);

    public Task<DeployRecord?> GetPreviousDeployAsync(string service, string environment, string version, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => SqliteDeploys.PreviousAsync(connection, service, environment, version, cancellationToken), cancellationToken);

    public async ValueTask<Parsing.Templates.TemplateMinerState?> LoadAsync(string scope, CancellationToken cancellationToken = default) =>
        await _database.RunAsync(connection => SqliteTemplateStates.LoadAsync(connection, scope, cancellationToken), cancellationToken);

    public async ValueTask SaveAsync(string scope, Parsing.Templates.TemplateMinerState state, CancellationToken cancellationToken = default) =>
        await _database.RunAsync(
            async connection =>
            {
                await SqliteTemplateStates.SaveAsync(connection, scope, state, _time.GetUtcNow(), cancellationToken);
                return true;
            },
            cancellationToken);

    public ValueTask DisposeAsync()
    {
        _database.ReleasePool();
        return ValueTask.CompletedTask;
    }

    /// <summary>Applies the migrations up to <paramref name="version"/> only (tests of upgrades start from an older schema).</summary>
    internal Task MigrateToAsync(int version, CancellationToken cancellationToken = default) =>
        _database.RunAsync(
            async connection =>
            {
                await SqliteMigrator.MigrateAsync(connection, FilePath, version, _time, cancellationToken);
                return true;
            },
            cancellationToken);

    /// <summary>The highest migration applied, 0 for a new file.</summary>
    internal Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => SqliteMigrator.VersionAsync(connection, cancellationToken), cancellationToken);
}
