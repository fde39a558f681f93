using Culprit.Parsing.Templates;

namespace Culprit.IntegrationTests.Storage;

/// <summary>Template miner states kept beside the incidents, so incremental runs keep template ids.</summary>
public abstract partial class IncidentStoreContract
{
    [Fact]
    public async Task TemplateStatesRoundTripPerScopeAndAreReplaced()
    {
        var store = (ITemplateStateStore)await OpenMigratedAsync();
        Assert.Null(await store.LoadAsync("api"));

        var miner = new TemplateMiner();
        foreach (var line in new[] { "user 1 logged in", "user 2 logged in", "user 3 logged in", "disk /dev/sda1 full" })
            miner.Mine(line);
        await store.SaveAsync("api", miner.Snapshot());

        var loaded = await store.LoadAsync("api");
        Assert.NotNull(loaded);
        Assert.True(TemplateMiner.TryRestore(loaded!, null, out var restored, out var error), error);
        Assert.Equal(miner.Templates.Select(t => (t.Id, t.Count)).OrderBy(x => x.Id), restored.Templates.Select(t => (t.Id, t.Count)).OrderBy(x => x.Id));
        Assert.Null(await store.LoadAsync("other"));

        restored.Mine("user 4 logged in");
        await store.SaveAsync("api", restored.Snapshot());
        var again = await store.LoadAsync("api");
        Assert.Equal(restored.Templates.Sum(t => t.Count), again!.Templates.Sum(t => t.Count));
    }
}
