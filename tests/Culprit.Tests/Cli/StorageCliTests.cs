using System.Text.Json.Nodes;
using Culprit.Tests.Support;

namespace Culprit.Tests.Cli;

/// <summary>The storage side of the CLI: incremental runs, listing and search, and clear failures.</summary>
public sealed class StorageCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("culprit-store-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Config(string yaml)
    {
        var path = Path.Combine(_dir, "culprit.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private string Data => Path.Combine(_dir, "data");

    private string WriteLog(string text)
    {
        var path = Path.Combine(_dir, "app.log");
        File.AppendAllText(path, text);
        return path;
    }

    private long StoredCount()
    {
        var (code, stdout, stderr) = CliRunner.Run("incidents", "--json", "--data", Data);
        Assert.True(code == 0, stderr);
        return JsonNode.Parse(stdout)!["incidents"]!.AsArray().Sum(i => i!["count"]!.GetValue<long>());
    }

    [Fact]
    public void AnalyzeIsIncrementalAndRerunsAddNothing()
    {
        var log = WriteLog("2026-01-02 10:00:00 ERROR [main] c.a.B - disk 1 full\n2026-01-02 10:00:01 ERROR [main] c.a.B - disk 2 full\n");
        Assert.Equal(0, CliRunner.Run("analyze", log, "--data", Data).Code);
        Assert.Equal(2, StoredCount());
        Assert.Equal(0, CliRunner.Run("analyze", log, "--data", Data).Code);
        Assert.Equal(2, StoredCount());

        WriteLog("2026-01-02 10:00:02 ERROR [main] c.a.B - disk 3 full\n");
        var (code, stdout, _) = CliRunner.Run("analyze", log, "--data", Data, "--json");
        Assert.Equal(0, code);
        Assert.Equal(1, JsonNode.Parse(stdout)!["summary"]!["lines"]!.GetValue<long>());
        Assert.Equal(3, StoredCount());
    }

    [Fact]
    public void SearchFindsStoredEntriesWithFilters()
    {
        var log = WriteLog("2026-01-02 10:00:00 ERROR [main] c.a.B - payment refused id=7\n2026-01-02 10:00:01 INFO [main] c.a.B - payment ok id=8\n");
        Assert.Equal(0, CliRunner.Run("analyze", log, "--data", Data).Code);
        var (code, stdout, stderr) = CliRunner.Run("search", "payment", "--json", "--data", Data);
        Assert.True(code == 0, stderr);
        Assert.Equal(2, JsonNode.Parse(stdout)!["entries"]!.AsArray().Count);
        (_, stdout, _) = CliRunner.Run("search", "payment", "--level", "ERROR", "--json", "--data", Data);
        var only = Assert.Single(JsonNode.Parse(stdout)!["entries"]!.AsArray());
        Assert.Contains("refused", only!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(only["incident"]!.GetValue<string>());
    }

    [Fact]
    public void CorruptedIncidentDatabaseIsNamedAndLeftUntouched()
    {
        Directory.CreateDirectory(Data);
        var db = Path.Combine(Data, "incidents.db");
        var garbage = new byte[8192];
        new Random(3).NextBytes(garbage);
        File.WriteAllBytes(db, garbage);
        var log = WriteLog("2026-01-02 10:00:00 ERROR x - y\n");

        var (code, _, stderr) = CliRunner.Run("analyze", log, "--data", Data);

        Assert.Equal(3, code);
        Assert.Contains("incidents.db", stderr, StringComparison.Ordinal);
        Assert.Equal(garbage, File.ReadAllBytes(db));
        Assert.True(File.Exists(log));
    }

    [Fact]
    public void UnreachablePostgresIsAClearFailure()
    {
        var config = Config("storage:\n  postgres: \"Host=127.0.0.1;Port=1;Username=x;Password=y;Timeout=3\"\n");
        var (code, _, stderr) = CliRunner.Run("incidents", "--config", config, "--data", Data);
        Assert.Equal(3, code);
        Assert.Contains("127.0.0.1", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreachableClickHouseIsAClearFailure()
    {
        var config = Config("storage:\n  clickhouse: \"http://127.0.0.1:1/?database=x\"\n");
        var (code, _, stderr) = CliRunner.Run("search", "x", "--config", config, "--data", Data);
        Assert.Equal(3, code);
        Assert.Contains("127.0.0.1:1", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidConfigurationIsBadUsage()
    {
        var config = Config("storage:\n  clickhouse: ftp://nowhere\n");
        var (code, _, stderr) = CliRunner.Run("incidents", "--config", config, "--data", Data);
        Assert.Equal(2, code);
        Assert.Contains("storage.clickhouse", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfiguredRetentionSweepsAfterAnalyzeAndKeepsCounts()
    {
        var config = Config("storage:\n  retention:\n    log_days: 7\n");
        var log = WriteLog("2020-01-02 10:00:00 ERROR [main] c.a.B - disk full\n");
        var (code, _, stderr) = CliRunner.Run("analyze", log, "--config", config, "--data", Data);
        Assert.True(code == 0, stderr);
        Assert.Contains("Retention: removed", stderr, StringComparison.Ordinal);
        var (_, stdout, _) = CliRunner.Run("search", "disk", "--json", "--data", Data);
        Assert.Empty(JsonNode.Parse(stdout)!["entries"]!.AsArray());
        Assert.Equal(1, StoredCount());
    }
}
