using Culprit.Model;
using Culprit.Rca;
using Culprit.Rca.Cache;

namespace Culprit.IntegrationTests.Storage;

/// <summary>Analyses in <c>rca_results</c>: stored per (incident, version, engine, prompt version), fallbacks kept but never reused.</summary>
public abstract partial class IncidentStoreContract
{
    private static RcaReport Report(string engine, DateTimeOffset at, string reasoning, string? fallback = null, string? version = "1.0.0") => new()
    {
        IncidentId = IdA,
        LikelyRootCause = new RootCause { FilePath = "src/a.cs", Symbol = "A.Run", LineRange = [10, 12], Confidence = 0.75, Reasoning = reasoning },
        SupportingEvidence = ["WARN lookup empty"],
        InvolvedParameters = [new InvolvedParameter { Name = "id", Value = "7", WhyRelevant = "missing row" }],
        FixSuggestions = ["check for null", "return 404"],
        TestsToAdd = ["missing id"],
        Engine = engine,
        Version = version,
        Commit = "abc123",
        FallbackReason = fallback,
        Candidates = [new RcaCandidateSummary { File = "src/a.cs", Symbol = "A.Run", StartLine = 5, EndLine = 20, Score = 0.9 }],
        Tokens = new TokenUsage { Input = 1200, Output = 300, CostUsd = 0.006 },
        CreatedAt = at,
    };

    private async Task<IRcaResultStore> RcaStoreAsync()
    {
        var store = await OpenMigratedAsync();
        await store.CommitAsync(new BatchBuilder().Occurrence(FpA, "app.log", 1, T0).Build());
        return (IRcaResultStore)store;
    }

    [Fact]
    public async Task AnRcaReportRoundTripsUnderItsKey()
    {
        var store = await RcaStoreAsync();
        var key = new RcaCacheKey(IdA, "1.0.0", "openai:gpt-test", "rca-prompt-1");
        var report = Report("openai:gpt-test", T0, "null row");

        var id = await store.SaveAsync(key, report);

        Assert.Equal(32, id.Length);
        var found = await store.FindAsync(key);
        Assert.NotNull(found);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(report), System.Text.Json.JsonSerializer.Serialize(found));
        Assert.Null(await store.FindAsync(key with { Version = "2.0.0" }));
        Assert.Null(await store.FindAsync(key with { Version = null }));
        Assert.Null(await store.FindAsync(key with { Engine = "anthropic:claude-test" }));
        Assert.Null(await store.FindAsync(key with { PromptVersion = "rca-prompt-2" }));
        Assert.Null(await store.FindAsync(key with { IncidentId = IdB }));
    }

    [Fact]
    public async Task TheNewestReusableReportWinsAndFallbacksAreKeptButNotReused()
    {
        var store = await RcaStoreAsync();
        var key = new RcaCacheKey(IdA, null, "ollama:llama-test", "rca-prompt-1");
        await store.SaveAsync(key, Report("ollama:llama-test", T0, "older", version: null));
        await store.SaveAsync(key, Report("ollama:llama-test", T0.AddMinutes(5), "newer", version: null));
        await store.SaveAsync(key, Report("heuristic", T0.AddMinutes(9), "fallback", fallback: "ollama:llama-test: timeout", version: null));

        var found = await store.FindAsync(key);

        Assert.Equal("newer", found!.LikelyRootCause.Reasoning);
        Assert.Equal(["fallback", "newer", "older"], (await store.ListAsync(IdA)).Select(r => r.LikelyRootCause.Reasoning));
        Assert.Empty(await store.ListAsync(IdB));
    }

    [Fact]
    public async Task StoringAnAnalysisOfAnUnknownIncidentSaysSo()
    {
        var store = await RcaStoreAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.SaveAsync(new RcaCacheKey(IdC, "1.0.0", "heuristic", "heuristic"), Report("heuristic", T0, "x") with { IncidentId = IdC }));

        Assert.Equal($"cannot store the analysis: incident '{IdC}' is not in the incident store", error.Message);
        Assert.Empty(await store.ListAsync(IdC));
    }

    [Fact]
    public async Task TheCachingEngineReusesAStoredAnalysisUnlessRefreshed()
    {
        var store = await RcaStoreAsync();
        var inner = new CountingEngine();
        var input = new RcaInput { IncidentId = IdA, Title = "boom", Version = "1.0.0" };

        var first = await new CachingRcaEngine(inner, store, "p1").AnalyzeAsync(input);
        var second = await new CachingRcaEngine(inner, store, "p1").AnalyzeAsync(input);
        var refreshed = await new CachingRcaEngine(inner, store, "p1", refresh: true).AnalyzeAsync(input);
        var otherPrompt = await new CachingRcaEngine(inner, store, "p2").AnalyzeAsync(input);

        Assert.Equal("call 1", first.LikelyRootCause.Reasoning);
        Assert.Equal("call 1", second.LikelyRootCause.Reasoning);
        Assert.Equal("call 2", refreshed.LikelyRootCause.Reasoning);
        Assert.Equal("call 3", otherPrompt.LikelyRootCause.Reasoning);
        Assert.Equal("call 2", (await new CachingRcaEngine(inner, store, "p1").AnalyzeAsync(input)).LikelyRootCause.Reasoning);
        Assert.Equal(3, inner.Calls);
        Assert.Equal(3, (await store.ListAsync(IdA)).Count);
    }

    /// <summary>An engine that says how many times it was asked.</summary>
    private sealed class CountingEngine : IRcaEngine
    {
        public string Name => "counting";

        public int Calls { get; private set; }

        public Task<RcaReport> AnalyzeAsync(RcaInput input, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Task.FromResult(Report("counting", T0.AddSeconds(Calls), $"call {Calls}"));
        }
    }
}
