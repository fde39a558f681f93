using System.Text.Json;
using System.Text.Json.Nodes;
using Culprit.Tests.Code.Git;
using Culprit.Tests.Rca.Support;
using Culprit.Tests.Support;

namespace Culprit.Tests.Cli;

/// <summary>
/// <c>culprit rca --engine openai-compatible</c> end to end against a local fake OpenAI-compatible server: the
/// configuration reaches the engine, the answer becomes the report, and a nonsensical answer falls back to the
/// heuristic analyst with the reason.
/// </summary>
public sealed class RcaLlmCliLocalFakeServerTests : IDisposable
{
    private const string Source = """
        class Orders:
            def total(self, order_id):
                order = self.repo.find(order_id)
                return order.amount * 2

            def audit(self, order_id):
                return self.repo.history(order_id)
        """;

    private readonly TempRepository _repo = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("culprit-rca-llm-").FullName;
    private readonly string _trace;

    public RcaLlmCliLocalFakeServerTests()
    {
        _repo.Commit("orders", ("shop/orders.py", Source));
        _trace = Path.Combine(_folder, "trace.log");
        File.WriteAllText(_trace, """
            2026-11-27 10:00:00,001 ERROR shop.api: total failed order_id=42 email=ada@shop.example
            Traceback (most recent call last):
              File "/srv/app/shop/orders.py", line 4, in total
                return order.amount * 2
            AttributeError: 'NoneType' object has no attribute 'amount'
            """);
    }

    public void Dispose()
    {
        _repo.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private string Config(FakeLlmServer server)
    {
        var path = Path.Combine(_folder, "culprit.yaml");
        File.WriteAllText(path, $"rca:\n  engine: openai-compatible\n  model: local-model\n  endpoint: {new Uri(server.BaseUri, "v1")}\n  retry_delay_ms: 10\n  max_retries: 1\n");
        return path;
    }

    private static string Answer(string symbol, int first, int last) => new JsonObject
    {
        ["incident_id"] = "trace",
        ["likely_root_cause"] = new JsonObject
        {
            ["file_path"] = "shop/orders.py",
            ["symbol"] = symbol,
            ["line_range"] = new JsonArray(first, last),
            ["confidence"] = 0.7,
            ["reasoning"] = "find returns None for an unknown order id",
        },
        ["supporting_evidence"] = new JsonArray("AttributeError on order.amount"),
        ["involved_parameters"] = new JsonArray(new JsonObject { ["name"] = "order_id", ["value"] = "42", ["why_relevant"] = "no such order" }),
        ["fix_suggestions"] = new JsonArray("handle a missing order"),
        ["tests_to_add"] = new JsonArray("total with an unknown order id"),
    }.ToJsonString();

    [Fact]
    public async Task TheConfiguredEngineAnswersThroughTheLocalFakeServerAndSecretsStayLocal()
    {
        await using var server = FakeLlmServer.Start(_ => FakeWire.OpenAI(Answer("shop.orders.Orders.total", 3, 4)));
        var (code, stdout, stderr) = CliRunner.Run("rca", "--trace", _trace, "--repo", _repo.Folder, "--config", Config(server),
            "--data", Path.Combine(_folder, "data"), "--json");
        Assert.True(code == 0, stderr);
        var rca = JsonDocument.Parse(stdout).RootElement.GetProperty("rca");
        Assert.Equal("openai-compatible:local-model", rca.GetProperty("engine").GetString());
        Assert.Equal(JsonValueKind.Null, rca.GetProperty("fallback_reason").ValueKind);
        Assert.Equal("find returns None for an unknown order id", rca.GetProperty("likely_root_cause").GetProperty("reasoning").GetString());
        var request = Assert.Single(server.Requests);
        Assert.Contains("order.amount", request.JsonText, StringComparison.Ordinal);
        Assert.DoesNotContain("ada@shop.example", request.JsonText, StringComparison.Ordinal);
        Assert.Contains("RCA (openai-compatible:local-model): 1 analyses, 1 requests", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANonsensicalLocationFromTheLocalFakeServerFallsBackToTheHeuristicWithTheReason()
    {
        await using var server = FakeLlmServer.Start(_ => FakeWire.OpenAI(Answer("shop.orders.Orders.nowhere", 90, 95)));
        var (code, stdout, stderr) = CliRunner.Run("rca", "--trace", _trace, "--repo", _repo.Folder, "--config", Config(server),
            "--data", Path.Combine(_folder, "data"), "--json");
        Assert.True(code == 0, stderr);
        var rca = JsonDocument.Parse(stdout).RootElement.GetProperty("rca");
        Assert.Equal("heuristic", rca.GetProperty("engine").GetString());
        Assert.StartsWith("openai-compatible:local-model:", rca.GetProperty("fallback_reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("shop.orders.Orders.total", rca.GetProperty("likely_root_cause").GetProperty("symbol").GetString());
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task AnAnswerNamingAFunctionOutsideTheCandidatesIsCheckedAgainstTheCodeOfTheCommit()
    {
        await using var server = FakeLlmServer.Start(_ => FakeWire.OpenAI(Answer("Orders.audit", 6, 7)));
        var (code, stdout, stderr) = CliRunner.Run("rca", "--trace", _trace, "--repo", _repo.Folder, "--config", Config(server),
            "--data", Path.Combine(_folder, "data"), "--json");
        Assert.True(code == 0, stderr);
        var rca = JsonDocument.Parse(stdout).RootElement.GetProperty("rca");
        Assert.Equal(JsonValueKind.Null, rca.GetProperty("fallback_reason").ValueKind);
        Assert.Equal("openai-compatible:local-model", rca.GetProperty("engine").GetString());
        Assert.Single(server.Requests);
    }

    [Fact]
    public void AnLlmEngineWithoutItsSettingsIsAUsageError()
    {
        var (code, _, stderr) = CliRunner.Run("rca", "--trace", _trace, "--repo", _repo.Folder, "--engine", "openai", "--data", Path.Combine(_folder, "data"));
        Assert.Equal(2, code);
        Assert.Contains("rca.model", stderr, StringComparison.Ordinal);
    }
}
