using System.Text.Json.Nodes;
using Culprit.IntegrationTests.Support;
using Npgsql;

namespace Culprit.IntegrationTests.Cli;

/// <summary>Two processes ingesting different files into one PostgreSQL incident store end with exact totals.</summary>
public sealed class ConcurrentWritersTests : IAsyncLifetime, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("culprit-concurrent-").FullName;
    private readonly string _database = TestServers.UniqueName("culprit_cw");

    public async Task InitializeAsync()
    {
        await using var connection = new NpgsqlConnection(TestServers.Postgres);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", connection);
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(TestServers.Postgres);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Dictionary<string, long> Counts(string json) =>
        JsonNode.Parse(json)!["incidents"]!.AsArray().ToDictionary(i => i!["id"]!.GetValue<string>(), i => i!["count"]!.GetValue<long>());

    [Fact]
    public async Task TwoProcessesIntoOnePostgresStoreAddUpExactly()
    {
        var a = Path.Combine(_dir, "a.log");
        var b = Path.Combine(_dir, "b.log");
        SampleLogs.Write(a, 120_000, seed: 1);
        SampleLogs.Write(b, 120_000, seed: 2);

        var expected = new Dictionary<string, long>();
        foreach (var file in new[] { a, b })
        {
            var (code, stdout, stderr) = await CliProcess.RunAsync(_dir, "analyze", file, "--no-store", "--json", "--top", "1000");
            Assert.True(code == 0, stderr);
            foreach (var (id, count) in Counts(stdout))
                expected[id] = expected.GetValueOrDefault(id) + count;
        }

        var builder = new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = _database };
        var environment = new Dictionary<string, string> { ["CULPRIT__STORAGE__POSTGRES"] = builder.ConnectionString };
        var runs = new[] { (a, "data-a"), (b, "data-b") }
            .Select(x => CliProcess.RunAsync(_dir, environment, "analyze", x.Item1, "--data", Path.Combine(_dir, x.Item2), "--format", "json"))
            .ToArray();
        foreach (var (code, _, stderr) in await Task.WhenAll(runs))
            Assert.True(code == 0, stderr);

        var (listCode, list, listErr) = await CliProcess.RunAsync(_dir, environment, "incidents", "--json", "--limit", "1000", "--data", Path.Combine(_dir, "data-a"));
        Assert.True(listCode == 0, listErr);
        Assert.Equal(expected.OrderBy(p => p.Key), Counts(list).OrderBy(p => p.Key));
    }
}
