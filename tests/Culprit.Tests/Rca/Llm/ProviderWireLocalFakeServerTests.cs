using Culprit.Rca.Llm;
using Culprit.Tests.Rca.Support;

namespace Culprit.Tests.Rca.Llm;

/// <summary>Anthropic, Ollama, Azure OpenAI and OpenAI-compatible engines against a local fake server speaking each wire format.</summary>
public sealed class ProviderWireLocalFakeServerTests
{
    [Fact]
    public async Task AnthropicEngineTalksToLocalFakeServerInMessagesFormat()
    {
        await using var server = FakeLlmServer.Start(_ => FakeWire.Anthropic(RcaSamples.Answer(), 900, 210));
        using var engine = TestEngines.Create(TestEngines.Options(RcaEngineKind.Anthropic, server), new TopCandidateEngine());

        var report = await engine.AnalyzeAsync(RcaSamples.Input());

        Assert.Null(report.FallbackReason);
        Assert.Equal("anthropic:model-test", report.Engine);
        Assert.Equal([40, 42], report.LikelyRootCause.LineRange);
        Assert.Equal(900, report.Tokens!.Input);
        Assert.Equal(210, report.Tokens.Output);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/messages", request.Path);
        Assert.Equal("Bearer " + TestEngines.Key, request.Headers["Authorization"]);
        Assert.True(request.Headers.ContainsKey("anthropic-version"));
        Assert.Equal(2000, request.Json.GetProperty("max_tokens").GetInt32());
        Assert.Contains("expert SRE", request.Json.GetProperty("system").GetRawText(), StringComparison.Ordinal);
        var format = request.Json.GetProperty("output_config").GetProperty("format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal("object", format.GetProperty("schema").GetProperty("type").GetString());
    }

    [Fact]
    public async Task OllamaEngineTalksToLocalFakeServerInApiChatFormat()
    {
        await using var server = FakeLlmServer.Start(_ => FakeWire.Ollama(RcaSamples.Answer(), 700, 90));
        using var engine = TestEngines.Create(TestEngines.Options(RcaEngineKind.Ollama, server, o => o.ApiKeyEnv = null), new TopCandidateEngine());

        var report = await engine.AnalyzeAsync(RcaSamples.Input());

        Assert.Null(report.FallbackReason);
        Assert.Equal("ollama:model-test", report.Engine);
        Assert.Equal(700, report.Tokens!.Input);
        Assert.Equal(90, report.Tokens.Output);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/api/chat", request.Path);
        Assert.Equal("model-test", request.Json.GetProperty("model").GetString());
        Assert.Equal("rca_answer", request.Json.GetProperty("format").GetProperty("title").GetString());
        Assert.Equal(2000, request.Json.GetProperty("options").GetProperty("num_predict").GetInt32());
    }

    [Fact]
    public async Task AzureEngineTalksToLocalFakeServerInDeploymentFormat()
    {
        await using var server = FakeLlmServer.Start(_ => FakeWire.OpenAI(RcaSamples.Answer(), 500, 60));
        using var engine = TestEngines.Create(TestEngines.Options(RcaEngineKind.Azure, server), new TopCandidateEngine());

        var report = await engine.AnalyzeAsync(RcaSamples.Input());

        Assert.Null(report.FallbackReason);
        Assert.Equal("azure:model-test", report.Engine);
        Assert.Equal(500, report.Tokens!.Input);
        var request = Assert.Single(server.Requests);
        Assert.StartsWith("/openai/deployments/model-test/chat/completions?api-version=", request.Path, StringComparison.Ordinal);
        Assert.Equal(TestEngines.Key, request.Headers["api-key"]);
        Assert.Equal("json_schema", request.Json.GetProperty("response_format").GetProperty("type").GetString());
    }

    [Fact]
    public async Task OpenAiCompatibleEngineNeedsNoKeyOnLocalFakeServer()
    {
        await using var server = FakeLlmServer.Start(_ => FakeWire.OpenAI(RcaSamples.Answer(), 300, 30));
        using var engine = TestEngines.Create(TestEngines.Options(RcaEngineKind.OpenAICompatible, server), new TopCandidateEngine());

        var report = await engine.AnalyzeAsync(RcaSamples.Input());

        Assert.Null(report.FallbackReason);
        Assert.Equal("openai-compatible:model-test", report.Engine);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("model-test", request.Json.GetProperty("model").GetString());
    }

    [Fact]
    public async Task AnthropicOverloadedThenSuccessIsRetriedOnLocalFakeServer()
    {
        await using var server = FakeLlmServer.Start(r => r.Index == 0
            ? FakeWire.Error(503, "overloaded") with { Headers = [("Retry-After", "0")] }
            : FakeWire.Anthropic(RcaSamples.Answer()));
        var meter = new RcaUsageMeter();
        using var engine = TestEngines.Create(TestEngines.Options(RcaEngineKind.Anthropic, server), new TopCandidateEngine(), meter);

        var report = await engine.AnalyzeAsync(RcaSamples.Input());

        Assert.Null(report.FallbackReason);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(1, meter.Snapshot().Retries);
    }
}
