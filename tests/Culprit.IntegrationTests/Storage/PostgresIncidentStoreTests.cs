using Culprit.IntegrationTests.Support;
using Culprit.Storage;
using Culprit.Storage.Migrations;
using Culprit.Storage.Postgres;
using Npgsql;

namespace Culprit.IntegrationTests.Storage;

/// <summary>The contract on a fresh PostgreSQL database per test, plus the server failures a user can meet.</summary>
public sealed class PostgresIncidentStoreTests : IncidentStoreContract
{
    private readonly string _database = TestServers.UniqueName("culprit_incidents");

    private string ConnectionString => new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = _database }.ToString();

    protected override int LatestVersion => MigrationSet.Postgres.Latest;

    public override async Task InitializeAsync() => await AdminAsync($"CREATE DATABASE {_database}");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await AdminAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
    }

    protected override IIncidentStore NewStore() => new PostgresIncidentStore(ConnectionString, Clock);

    protected override Task MigrateToAsync(IIncidentStore store, int version) => ((PostgresIncidentStore)store).MigrateToAsync(version);

    protected override Task<int> SchemaVersionAsync(IIncidentStore store) => ((PostgresIncidentStore)store).SchemaVersionAsync();

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task<IReadOnlyList<string>> TablesAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public';", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
            tables.Add(reader.GetString(0));
        return tables;
    }

    [Fact]
    public async Task AServerThatIsNotThereGivesAClearError()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(ConnectionString) { Port = 1, Timeout = 3 }.ToString();
        await using var store = new PostgresIncidentStore(connectionString, Clock);

        var error = await Assert.ThrowsAsync<StorageException>(() => store.MigrateAsync());

        Assert.Equal(StorageFailureKind.Unreachable, error.Kind);
        Assert.Contains($"127.0.0.1:1/{_database}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADatabaseThatDoesNotExistGivesAClearError()
    {
        var missing = TestServers.UniqueName("culprit_missing");
        var connectionString = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = missing }.ToString();
        await using var store = new PostgresIncidentStore(connectionString, Clock);

        var error = await Assert.ThrowsAsync<StorageException>(() => store.ListIncidentsAsync(new IncidentFilter()));

        Assert.Equal(StorageFailureKind.Unreachable, error.Kind);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenIncidentListsUseThePartialIndex()
    {
        await OpenMigratedAsync();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SET enable_seqscan = off; EXPLAIN SELECT id FROM incidents WHERE status NOT IN ('resolved', 'ignored') ORDER BY count DESC, last_seen DESC NULLS LAST LIMIT 10",
            connection);
        var plan = new System.Text.StringBuilder();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                plan.AppendLine(reader.GetString(0));
        }

        Assert.Contains("incidents_open", plan.ToString(), StringComparison.Ordinal);
    }

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestServers.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
