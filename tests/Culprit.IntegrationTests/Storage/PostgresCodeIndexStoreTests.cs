using Culprit.IntegrationTests.Support;
using Culprit.Storage;
using Culprit.Storage.Postgres;
using Npgsql;

namespace Culprit.IntegrationTests.Storage;

/// <summary>The code index contract on a fresh PostgreSQL database per test, migrated by the incident store.</summary>
public sealed class PostgresCodeIndexStoreTests : CodeIndexStoreContract
{
    private readonly string _database = TestServers.UniqueName("culprit_code");

    private string ConnectionString => new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = _database }.ToString();

    public override async Task InitializeAsync()
    {
        await AdminAsync($"CREATE DATABASE {_database}");
        await using var incidents = new PostgresIncidentStore(ConnectionString);
        await incidents.MigrateAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await AdminAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
    }

    protected override Task<ICodeIndexStore> NewStoreAsync() => Task.FromResult<ICodeIndexStore>(new PostgresCodeIndexStore(ConnectionString, new ManualClock(T0)));

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestServers.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
