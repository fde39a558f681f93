using Culprit.Rca.Llm;
using Culprit.Tests.Rca.Support;

namespace Culprit.Tests.Rca.Llm;

/// <summary>The OpenAI engine against a local fake server speaking the chat completions wire format.</summary>
public sealed class OpenAiEngineLocalFakeServerTests
{
    [Fact]
    public async Task ValidAnswerFromLocalFakeServerBecomesTheReport()
    {
        await using var server = FakeLlmServer.Start(_ => FakeWire.OpenAI(RcaSamples.Answer(), 1200, 300));
        var meter = new RcaUsageMeter();
        var fallback = new TopCandidateEngine();
        using var engine = TestEngines.Create(TestEngines.Options(RcaEngineKind.OpenAI, server), fallback, meter);

        var report = await engine.AnalyzeAsync(RcaSamples.Input());

        Assert.Null(report.FallbackReason);
        Assert.Equal("openai:model-test", report.Engine);
        Assert.Equal("inc-0001", report.IncidentId);
        Assert.Equal(RcaSamples.PlaceFile, report.LikelyRootCause.FilePath);
        Assert.Equal(RcaSamples.PlaceSymbol, report.LikelyRootCause.Symbol);
        Assert.Equal([40, 42], report.LikelyRootCause.LineRange);
        Assert.Equal(0.8, report.LikelyRootCause.Confidence);
        Assert.Equal("1.4.2", report.Version);
        Assert.Equal(2, report.Candidates.Count);
        Assert.Equal(1200, report.Tokens!.Input);
        Assert.Equal(300, report.Tokens.Output);
        Assert.Equal((1200 * 2.5 + 300 * 10) / 1_000_000d, report.Tokens.CostUsd!.Value, 12);
        Assert.Equal(0, fallback.Calls);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer " + TestEngines.Key, request.Headers["Authorization"]);
        var format = request.Json.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal("rca_answer", format.GetProperty("json_schema").GetProperty("name").GetString());
        Assert.Equal("object", format.GetProperty("json_schema").GetProperty("schema").GetProperty("type").GetString());
        var messages = request.Json.GetProperty("messages");
        Assert.Equal("system", messages[0].GetProperty("role").GetString());
        Assert.Contains("expert SRE", request.JsonText, StringComparison.Ordinal);
        Assert.Contains("Type: System.NullReferenceException", request.JsonText, StringComparison.Ordinal);
        Assert.Contains(">   42 |         var total = order.Customer.Discount * order.Total;", request.JsonText, StringComparison.Ordinal);

        var usage = meter.Snapshot();
        Assert.Equal(1, usage.Requests);
        Assert.Equal(1, usage.Analyses);
        Assert.Equal(0, usage.Fallbacks);
        Assert.Equal(1200, usage.InputTokens);
    }

    [Fact]
    public async Task InvalidJsonIsSentBackOnceForRepairToTheLocalFakeServer()
    {
        await using var server = FakeLlmServer.Start(r => r.Index == 0 ? FakeWire.OpenAI("Sure! The root cause is a null customer.", 100, 10) : FakeWire.OpenAI(RcaSamples.Answer(), 150, 40));
        var meter = new RcaUsageMeter();
        using var engine = TestEngines.Create(TestEngines.Options(RcaEngineKind.OpenAI, server), new TopCandidateEngine(), meter);

        var report = await engine.AnalyzeAsync(RcaSamples.Input());

        Assert.Null(report.FallbackReason);
        Assert.Equal(RcaSamples.PlaceSymbol, report.LikelyRootCause.Symbol);
        Assert.Equal(250, report.Tokens!.Input);
        Assert.Equal(50, report.Tokens.Output);
        Assert.Equal(2, server.Requests.Count);
        var repair = server.Requests[1].Json.GetProperty("messages");
        Assert.Equal(4, repair.GetArrayLength());
        Assert.Equal("assistant", repair[2].GetProperty("role").GetString());
        Assert.Contains("Sure! The root cause is a null customer.", server.Requests[1].JsonText, StringComparison.Ordinal);
        Assert.Contains("Your answer cannot be used:\n- the answer holds no JSON object", server.Requests[1].JsonText, StringComparison.Ordinal);
        Assert.Equal(1, meter.Snapshot().Repairs);
    }

    [Fact]
    public async Task SchemaValidButUnknownSymbolIsRepairedThenFallsBackOverLocalFakeServer()
    {
        await using var server = FakeLlmServer.Start(r => FakeWire.OpenAI(r.Index == 0
            ? RcaSamples.Answer(symbol: "Shop.Orders.PriceCalculator.Apply", file: "src/Shop/Orders/PriceCalculator.cs")
            : RcaSamples.Answer(first: 40, last: 60)));
        var meter = new RcaUsageMeter();
        var fallback = new TopCandidateEngine();
        using var engine = TestEngines.Create(TestEngines.Options(RcaEngineKind.OpenAI, server), fallback, meter);

        var report = await engine.AnalyzeAsync(RcaSamples.Input());

        Assert.Equal(1, fallback.Calls);
        Assert.Equal("top-candidate", report.Engine);
        Assert.Equal([42, 42], report.LikelyRootCause.LineRange);
        Assert.Equal(
            "openai:model-test: invalid answer after one repair: line_range [40, 60] lies outside Shop.Orders.OrderService.Place, which spans lines 35-50",
            report.FallbackReason);
        Assert.Contains(
            "the root cause Shop.Orders.PriceCalculator.Apply in src/Shop/Orders/PriceCalculator.cs is not one of the code candidates; choose one of: Shop.Orders.OrderService.Place in src/Shop/Orders/OrderService.cs (lines 35-50)",
            server.Requests[1].JsonText,
            StringComparison.Ordinal);
        Assert.Equal(240, report.Tokens!.Input);
        var usage = meter.Snapshot();
        Assert.Equal(1, usage.Fallbacks);
        Assert.Equal(2, usage.Requests);
    }

    [Fact]
    public async Task ShortSymbolAndPathSuffixAreAcceptedAndWrittenInFull()
    {
        await using var server = FakeLlmServer.Start(_ => FakeWire.OpenAI(RcaSamples.Answer(symbol: "OrderService.Place", file: "Orders/OrderService.cs")));
        using var engine = TestEngines.Create(TestEngines.Options(RcaEngineKind.OpenAI, server), new TopCandidateEngine());

        var report = await engine.AnalyzeAsync(RcaSamples.Input());

        Assert.Null(report.FallbackReason);
        Assert.Equal(RcaSamples.PlaceSymbol, report.LikelyRootCause.Symbol);
        Assert.Equal(RcaSamples.PlaceFile, report.LikelyRootCause.FilePath);
    }

    [Fact]
    public async Task TimeoutAgainstLocalFakeServerFallsBackWithTheReason()
    {
        await using var server = FakeLlmServer.Start(_ => FakeWire.OpenAI(RcaSamples.Answer()) with { Delay = TimeSpan.FromSeconds(5) });
        using var engine = TestEngines.Create(TestEngines.Options(RcaEngineKind.OpenAI, server, o => { o.TimeoutSeconds = 1; o.MaxRetries = 1; }), new TopCandidateEngine());

        var report = await engine.AnalyzeAsync(RcaSamples.Input());

        Assert.Equal("openai:model-test: timeout: no answer within 1 s after 1 retries", report.FallbackReason);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal("top-candidate", report.Engine);
    }

    [Fact]
    public async Task TooManyRequestsWithRetryAfterIsWaitedOutThenSucceedsOnLocalFakeServer()
    {
        await using var server = FakeLlmServer.Start(r => r.Index == 0
            ? FakeWire.Error(429, "rate limited") with { Headers = [("Retry-After", "1")] }
            : FakeWire.OpenAI(RcaSamples.Answer()));
        var meter = new RcaUsageMeter();
        using var engine = TestEngines.Create(TestEngines.Options(RcaEngineKind.OpenAI, server), new TopCandidateEngine(), meter);

        var report = await engine.AnalyzeAsync(RcaSamples.Input());

        Assert.Null(report.FallbackReason);
        Assert.Equal(2, server.Requests.Count);
        Assert.True(FakeRequest.Between(server.Requests[0], server.Requests[1]) >= TimeSpan.FromMilliseconds(950), "the Retry-After of 1 s was not honoured");
        Assert.Equal(1, meter.Snapshot().Retries);
        Assert.Equal(1, meter.Snapshot().Requests);
    }

    [Fact]
    public async Task PersistentServerErrorsOnLocalFakeServerFallBackAfterTheRetries()
    {
        await using var server = FakeLlmServer.Start(_ => FakeWire.Error(500, "the model is on fire"));
        var meter = new RcaUsageMeter();
        using var engine = TestEngines.Create(TestEngines.Options(RcaEngineKind.OpenAI, server), new TopCandidateEngine(), meter);

        var report = await engine.AnalyzeAsync(RcaSamples.Input());

        Assert.Equal(3, server.Requests.Count);
        Assert.StartsWith("openai:model-test: HTTP 500 after 2 retries: ", report.FallbackReason, StringComparison.Ordinal);
        Assert.True(report.FallbackReason!.Contains("the model is on fire", StringComparison.Ordinal), report.FallbackReason);
        Assert.Null(report.Tokens);
        Assert.Equal(2, meter.Snapshot().Retries);
        Assert.Equal(1, meter.Snapshot().Fallbacks);
    }
}
