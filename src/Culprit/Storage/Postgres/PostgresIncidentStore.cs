using Culprit.Model;
using Culprit.Storage.Migrations;
using Npgsql;

namespace Culprit.Storage.Postgres;

/// <summary>
/// The incident store at scale: PostgreSQL 15 through Npgsql. Any number of processes may commit into the same
/// incidents at once: upserts are keyed by fingerprint, occurrences by (source, line), and rows are locked in
/// fingerprint order. The stores of feedback, saved queries, users and jobs are in the partial files beside.
/// </summary>
public sealed partial class PostgresIncidentStore : IIncidentStore, Parsing.Templates.ITemplateStateStore, Rca.Cache.IRcaResultStore, IDeployStore
{
    private readonly PostgresDatabase _database;
    private readonly TimeProvider _time;

    /// <param name="connectionString">An Npgsql connection string; the store owns the pool it creates.</param>
    /// <param name="time">The clock for update times and status history.</param>
    public PostgresIncidentStore(string connectionString, TimeProvider? time = null)
        : this(NpgsqlDataSource.Create(connectionString), ownsSource: true, time)
    {
    }

    /// <param name="source">A data source shared with other parts of the process; it stays open after the store is disposed.</param>
    /// <param name="time">The clock for update times and status history.</param>
    public PostgresIncidentStore(NpgsqlDataSource source, TimeProvider? time = null)
        : this(source, ownsSource: false, time)
    {
    }

    private PostgresIncidentStore(NpgsqlDataSource source, bool ownsSource, TimeProvider? time)
    {
        _database = new PostgresDatabase(source, ownsSource);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The server and database, as host:port/database.</summary>
    public string Location => _database.Location;

    public Task MigrateAsync(CancellationToken cancellationToken = default) => MigrateToAsync(MigrationSet.Postgres.Latest, cancellationToken);

    public Task CommitAsync(IncidentBatch batch, CancellationToken cancellationToken = default)
    {
        var prepared = PreparedBatch.From(batch);
        return _database.RunAsync(
            async connection =>
            {
                await PostgresBatchWriter.CommitAsync(connection, prepared, _time.GetUtcNow(), cancellationToken);
                return true;
            },
            cancellationToken);
    }

    public Task<SourceCheckpoint?> GetCheckpointAsync(string source, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => PostgresIncidentReader.CheckpointAsync(connection, source, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<IncidentRecord>> ListIncidentsAsync(IncidentFilter filter, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => PostgresIncidentReader.ListAsync(connection, filter, cancellationToken), cancellationToken);

    public Task<IncidentRecord?> GetIncidentAsync(string id, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => PostgresIncidentReader.GetAsync(connection, id, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<(DateTimeOffset Hour, long Count)>> GetHourlyCountsAsync(string id, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => PostgresIncidentReader.HourlyAsync(connection, id, cancellationToken), cancellationToken);

    public Task<bool> SetStatusAsync(string id, IncidentStatus status, string? actor, string? note, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => PostgresStatusWriter.SetAsync(connection, id, status, actor, note, _time.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<IReadOnlyList<StatusChange>> GetStatusHistoryAsync(string id, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => PostgresIncidentReader.HistoryAsync(connection, id, cancellationToken), cancellationToken);

    public Task<RcaReport?> FindAsync(Rca.Cache.RcaCacheKey key, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => PostgresRcaResults.FindAsync(connection, key, cancellationToken), cancellationToken);

    public Task<string> SaveAsync(Rca.Cache.RcaCacheKey key, RcaReport report, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => PostgresRcaResults.SaveAsync(connection, new RcaResultRow(key, report), cancellationToken), cancellationToken);

    public Task<IReadOnlyList<RcaReport>> ListAsync(string incidentId, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => PostgresRcaResults.ListAsync(connection, incidentId, cancellationToken), cancellationToken);

    public Task<bool> RecordDeployAsync(DeployRecord deploy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deploy);
        return _database.RunAsync(connection => PostgresDeploys.RecordAsync(connection, deploy, _time.GetUtcNow(), cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<DeployRecord>> ListDeploysAsync(string? service = null, string? environment = null, int? limit = null, CancellationToken cancellationToken = default) =>
        await _database.RunAsync(connection => PostgresDeploys.ListAsync(connection, service, environment, limit, cancellationToken), cancellationToken);

    public Task<DeployRecord?> GetActiveDeployAsync(string service, string environment, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => PostgresDeploys.ActiveAsync(connection, service, environment, at, cancellationToken), cancellationToken);

    public Task<DeployRecord?> GetPreviousDeployAsync(string service, string environment, string version, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => PostgresDeploys.PreviousAsync(connection, service, environment, version, cancellationToken), cancellationToken);

    public async ValueTask<Parsing.Templates.TemplateMinerState?> LoadAsync(string scope, CancellationToken cancellationToken = default) =>
        await _database.RunAsync(connection => PostgresTemplateStates.LoadAsync(connection, scope, cancellationToken), cancellationToken);

    public async ValueTask SaveAsync(string scope, Parsing.Templates.TemplateMinerState state, CancellationToken cancellationToken = default) =>
        await _database.RunAsync(
            async connection =>
            {
                await PostgresTemplateStates.SaveAsync(connection, scope, state, _time.GetUtcNow(), cancellationToken);
                return true;
            },
            cancellationToken);

    public Task<long> DropSamplesOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => PostgresStatusWriter.DropSamplesAsync(connection, cutoff, cancellationToken), cancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    /// <summary>Applies the migrations up to <paramref name="version"/> only (tests of upgrades start from an older schema).</summary>
    internal Task MigrateToAsync(int version, CancellationToken cancellationToken = default) =>
        _database.RunAsync(
            async connection =>
            {
                await PostgresMigrator.MigrateAsync(connection, Location, version, _time, cancellationToken);
                return true;
            },
            cancellationToken);

    /// <summary>The highest migration applied, 0 for an empty database.</summary>
    internal Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => PostgresMigrator.VersionAsync(connection, cancellationToken), cancellationToken);
}
