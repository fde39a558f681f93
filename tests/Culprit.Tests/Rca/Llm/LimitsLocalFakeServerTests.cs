using Culprit.Rca.Llm;
using Culprit.Tests.Rca.Support;

namespace Culprit.Tests.Rca.Llm;

/// <summary>Concurrency and rate limits per provider, and usage summed across parallel analyses, against a local fake server.</summary>
public sealed class LimitsLocalFakeServerTests
{
    [Fact]
    public async Task AtMostMaxConcurrencyRequestsReachTheLocalFakeServerAtOnce()
    {
        await using var server = FakeLlmServer.Start(_ => FakeWire.OpenAI(RcaSamples.Answer(), 100, 10) with { Delay = TimeSpan.FromMilliseconds(300) });
        var meter = new RcaUsageMeter();
        using var engine = TestEngines.Create(TestEngines.Options(RcaEngineKind.OpenAI, server, o => o.MaxConcurrency = 2), new TopCandidateEngine(), meter);

        var reports = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => engine.AnalyzeAsync(RcaSamples.Input())));

        Assert.All(reports, r => Assert.Null(r.FallbackReason));
        Assert.Equal(6, server.Requests.Count);
        Assert.Equal(2, server.MaxInFlight);
        var usage = meter.Snapshot();
        Assert.Equal(6, usage.Requests);
        Assert.Equal(600, usage.InputTokens);
        Assert.Equal(60, usage.OutputTokens);
        Assert.Equal((600 * 2.5 + 60 * 10) / 1_000_000d, usage.CostUsd!.Value, 12);
    }

    [Fact]
    public async Task RequestsPerMinuteSpacesRequestsToTheLocalFakeServer()
    {
        await using var server = FakeLlmServer.Start(_ => FakeWire.OpenAI(RcaSamples.Answer()));
        using var engine = TestEngines.Create(TestEngines.Options(RcaEngineKind.OpenAI, server, o => o.RequestsPerMinute = 300), new TopCandidateEngine());

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => engine.AnalyzeAsync(RcaSamples.Input())));

        // 300 a minute is one every 200 ms: four requests span at least 600 ms.
        var times = server.Requests.OrderBy(r => r.ReceivedTimestamp).ToList();
        Assert.Equal(4, times.Count);
        Assert.True(FakeRequest.Between(times[0], times[3]) >= TimeSpan.FromMilliseconds(550), $"four requests in {FakeRequest.Between(times[0], times[3]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task AnUnreachableServerFallsBackWithTheReason()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        var options = new RcaOptions { Engine = RcaEngineKind.Ollama, Model = "m", Endpoint = $"http://127.0.0.1:{port}", MaxRetries = 1, RetryDelayMs = 10, TimeoutSeconds = 5 };
        using var engine = (LlmRcaEngine)RcaEngines.Create(options, new TopCandidateEngine());

        var report = await engine.AnalyzeAsync(RcaSamples.Input());

        Assert.StartsWith("ollama:m: cannot reach the server after 1 retries: ", report.FallbackReason, StringComparison.Ordinal);
        Assert.Equal("top-candidate", report.Engine);
    }
}
