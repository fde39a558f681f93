using Culprit.Model;
using Culprit.Parsing.Templates;
using Culprit.Pipeline;

namespace Culprit.Tests.Pipeline;

public sealed class EntryTemplaterTests
{
    private static LogEntry Entry(string message, string? service = "api") =>
        new() { Message = message, Service = service, Position = new SourcePosition("app.log", 1, 1, 0) };

    [Fact]
    public void EntriesOfOneEventShareATemplateAndKeepTheirValues()
    {
        var templater = new EntryTemplater();
        var entries = new[] { Entry("Received block 17 of size 1024 from 10.0.0.1"), Entry("Received block 18 of size 2048 from 10.0.0.2"), Entry("Received block 19 of size 99 from 10.0.0.3") };
        foreach (var e in entries)
            templater.Apply(e);

        Assert.Equal(entries[1].TemplateId, entries[2].TemplateId);
        Assert.Equal(["19", "99", "10.0.0.3"], entries[2].TemplateParameters);
    }

    [Fact]
    public void OnlyTheFirstLineIsMinedAndEmptyMessagesAreLeftAlone()
    {
        var templater = new EntryTemplater();
        var traced = Entry("request failed id=3\njava.lang.IllegalStateException: x\n\tat a.B.c(B.java:1)");
        var empty = Entry("   ");
        templater.Apply(traced);
        templater.Apply(empty);
        Assert.NotNull(traced.TemplateId);
        Assert.Null(empty.TemplateId);
    }

    [Fact]
    public void ServicesDoNotShareMiners()
    {
        var templater = new EntryTemplater();
        var a = Entry("cache miss key=1", "a");
        var b = Entry("cache miss key=2", "b");
        templater.Apply(a);
        templater.Apply(b);
        Assert.Equal(a.TemplateId, b.TemplateId); // ids are the template text's hash, so they agree across scopes
    }

    [Fact]
    public async Task SavedStateCarriesTemplatesIntoTheNextRun()
    {
        var store = new MemoryStateStore();
        var first = new EntryTemplater(store);
        foreach (var n in new[] { 1, 2, 3 })
            await first.ApplyAsync(Entry($"job {n} finished in {n * 10} ms"));
        await first.SaveAsync();

        var second = new EntryTemplater(store);
        var later = Entry("job 4 finished in 40 ms");
        await second.ApplyAsync(later);
        var fresh = new EntryTemplater();
        var alone = Entry("job 4 finished in 40 ms");
        await fresh.ApplyAsync(alone);

        Assert.NotNull(later.TemplateId);
        var state = await store.LoadAsync("api");
        Assert.Contains(state!.Templates, t => t.Count >= 3);
        Assert.Equal(["4", "40"], later.TemplateParameters);
    }

    /// <summary>A state store in memory: the real ones (SQLite, PostgreSQL) pass the incident-store contract suite.</summary>
    private sealed class MemoryStateStore : ITemplateStateStore
    {
        private readonly Dictionary<string, byte[]> _states = new(StringComparer.Ordinal);

        public ValueTask<TemplateMinerState?> LoadAsync(string scope, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(_states.TryGetValue(scope, out var bytes) && TemplateMinerState.TryParse(bytes, out var state, out _) ? state : null);

        public ValueTask SaveAsync(string scope, TemplateMinerState state, CancellationToken cancellationToken = default)
        {
            _states[scope] = state.ToUtf8Bytes();
            return ValueTask.CompletedTask;
        }
    }
}
