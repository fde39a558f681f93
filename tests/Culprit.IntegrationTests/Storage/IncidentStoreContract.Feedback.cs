using Culprit.Model;
using Culprit.Rca.Cache;
using Culprit.Storage.Feedback;

namespace Culprit.IntegrationTests.Storage;

/// <summary>Verdicts on analyses: per result, per incident, counted per engine; bad input writes nothing.</summary>
public abstract partial class IncidentStoreContract
{
    private static RcaReport Analysis(string incidentId, string engine, DateTimeOffset at) => new()
    {
        IncidentId = incidentId,
        LikelyRootCause = new RootCause { FilePath = "src/a.cs", Symbol = "A.Run", LineRange = [10, 12], Confidence = 0.5, Reasoning = "null row" },
        Engine = engine,
        Version = "1.0.0",
        CreatedAt = at,
    };

    /// <summary>Incidents A and B with three analyses: A by an LLM and by the heuristic, B by the heuristic.</summary>
    private async Task<(IFeedbackStore Store, string LlmA, string HeuristicA, string HeuristicB)> FeedbackStoreAsync()
    {
        var store = await OpenMigratedAsync();
        await store.CommitAsync(new BatchBuilder().Occurrence(FpA, "app.log", 1, T0).Occurrence(FpB, "app.log", 2, T0).Build());
        var results = (IRcaResultStore)store;
        var llmA = await results.SaveAsync(new RcaCacheKey(IdA, "1.0.0", "openai:gpt-test", "p1"), Analysis(IdA, "openai:gpt-test", T0.AddMinutes(1)));
        var heuristicA = await results.SaveAsync(new RcaCacheKey(IdA, "1.0.0", "heuristic", "p1"), Analysis(IdA, "heuristic", T0.AddMinutes(2)));
        var heuristicB = await results.SaveAsync(new RcaCacheKey(IdB, "1.0.0", "heuristic", "p1"), Analysis(IdB, "heuristic", T0.AddMinutes(3)));
        return ((IFeedbackStore)store, llmA, heuristicA, heuristicB);
    }

    [Fact]
    public async Task FeedbackIsListedPerResultAndPerIncident()
    {
        var (store, llmA, heuristicA, heuristicB) = await FeedbackStoreAsync();
        var first = await store.RecordFeedbackAsync(llmA, FeedbackVerdict.Accept, "  right file  ", "dana");
        Clock.Now += TimeSpan.FromMinutes(1);
        await store.RecordFeedbackAsync(llmA, FeedbackVerdict.PartiallyCorrect, null, null);
        Clock.Now += TimeSpan.FromMinutes(1);
        await store.RecordFeedbackAsync(heuristicA, FeedbackVerdict.Reject, "wrong frame", "lee");
        Clock.Now += TimeSpan.FromMinutes(1);
        await store.RecordFeedbackAsync(heuristicB, FeedbackVerdict.Accept, "", "  ");

        Assert.Equal(32, first.Id.Length);
        Assert.Equal(new FeedbackRecord(first.Id, llmA, IdA, "openai:gpt-test", FeedbackVerdict.Accept, "right file", "dana", Clock.Now.AddMinutes(-3)), first);
        var ofLlm = await store.ListFeedbackAsync(llmA);
        Assert.Equal([first, ofLlm[1]], ofLlm);
        Assert.Equal((FeedbackVerdict.PartiallyCorrect, (string?)null, (string?)null), (ofLlm[1].Verdict, ofLlm[1].Notes, ofLlm[1].User));
        Assert.Equal(
            [(heuristicA, FeedbackVerdict.Reject), (llmA, FeedbackVerdict.PartiallyCorrect), (llmA, FeedbackVerdict.Accept)],
            (await store.ListIncidentFeedbackAsync(IdA)).Select(f => (f.RcaId, f.Verdict)));
        var all = await store.ListIncidentFeedbackAsync(null);
        Assert.Equal([IdB, IdA, IdA, IdA], all.Select(f => f.IncidentId));
        Assert.Equal((null, null), (all[0].Notes, all[0].User));
        Assert.Empty(await store.ListIncidentFeedbackAsync(IdC));
        Assert.Empty(await store.ListFeedbackAsync("0123456789abcdef0123456789abcdef"));
    }

    [Fact]
    public async Task FeedbackIsCountedPerEngine()
    {
        var (store, llmA, heuristicA, heuristicB) = await FeedbackStoreAsync();
        await store.RecordFeedbackAsync(heuristicA, FeedbackVerdict.Reject, null, "a");
        await store.RecordFeedbackAsync(heuristicB, FeedbackVerdict.Accept, null, "a");
        Clock.Now += TimeSpan.FromDays(1);
        await store.RecordFeedbackAsync(heuristicB, FeedbackVerdict.Accept, null, "b");
        await store.RecordFeedbackAsync(llmA, FeedbackVerdict.Accept, null, "a");
        await store.RecordFeedbackAsync(llmA, FeedbackVerdict.PartiallyCorrect, null, "b");

        Assert.Equal(
            [new EngineFeedback("heuristic", 2, 1, 0), new EngineFeedback("openai:gpt-test", 1, 0, 1)],
            await store.GetEngineFeedbackAsync());
        Assert.Equal(
            [new EngineFeedback("heuristic", 1, 0, 0), new EngineFeedback("openai:gpt-test", 1, 0, 1)],
            await store.GetEngineFeedbackAsync(since: Clock.Now));
        Assert.Equal(3, (await store.GetEngineFeedbackAsync())[0].Total);
    }

    [Fact]
    public async Task StoredAnalysesAreListedWithTheirIds()
    {
        var (store, llmA, heuristicA, heuristicB) = await FeedbackStoreAsync();

        var all = await store.ListRcaResultsAsync(null);
        var ofA = await store.ListRcaResultsAsync(IdA, limit: 1);

        Assert.Equal([heuristicB, heuristicA, llmA], all.Select(r => r.Id));
        Assert.Equal(new RcaResultSummary(llmA, IdA, "openai:gpt-test", "1.0.0", "src/a.cs", "A.Run", 0.5, null, T0.AddMinutes(1)), all[2]);
        Assert.Equal([heuristicA], ofA.Select(r => r.Id));
        Assert.Empty(await store.ListRcaResultsAsync(IdC));
    }

    [Fact]
    public async Task FeedbackOnAnUnknownAnalysisOrWithABadVerdictIsRefusedAndWritesNothing()
    {
        var (store, llmA, _, _) = await FeedbackStoreAsync();

        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => store.RecordFeedbackAsync("nope", FeedbackVerdict.Accept, "x", "dana"));
        var blank = await Assert.ThrowsAsync<ArgumentException>(() => store.RecordFeedbackAsync(" ", FeedbackVerdict.Accept, "x", "dana"));
        var verdict = await Assert.ThrowsAsync<ArgumentException>(() => store.RecordFeedbackAsync(llmA, (FeedbackVerdict)7, "x", "dana"));

        Assert.Equal("no stored RCA result has the id 'nope'", unknown.Message);
        Assert.Equal("an RCA result id must not be empty", blank.Message);
        Assert.Equal("unknown verdict 7: expected accept, reject or partially_correct", verdict.Message);
        Assert.Empty(await store.ListIncidentFeedbackAsync(null));
        Assert.Empty(await store.GetEngineFeedbackAsync());
    }
}
