using Culprit.Model;
using Culprit.Storage;
using static Culprit.IntegrationTests.Storage.LogRows;

namespace Culprit.IntegrationTests.Storage;

/// <summary>
/// What every <see cref="ILogStore"/> does, run against each backend by a subclass that opens a fresh,
/// empty store for every test and removes it afterwards.
/// </summary>
public abstract partial class LogStoreContract : IAsyncLifetime
{
    protected ILogStore Store { get; private set; } = null!;

    /// <summary>Opens a new store no other test uses (not yet migrated).</summary>
    protected abstract Task<ILogStore> OpenAsync();

    /// <summary>Removes what <see cref="OpenAsync"/> created; the store is already disposed.</summary>
    protected abstract Task RemoveAsync();

    public async Task InitializeAsync()
    {
        Store = await OpenAsync();
        await Store.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        await RemoveAsync();
    }

    [Fact]
    public async Task EmptyStoreAnswersEveryQueryWithNothing()
    {
        var everything = new LogQuery();
        Assert.Equal(0, await Store.CountAsync());
        Assert.Empty(await Store.SearchAsync(everything));
        Assert.Empty(await Store.TimelineAsync(everything, TimeSpan.FromMinutes(1)));
        Assert.Empty(await Store.TopIncidentsAsync(everything));
        Assert.Empty(await Store.HeatmapAsync(everything));
        Assert.Empty(await Store.TraceAsync("trace-1"));
        Assert.Equal(0, await Store.HighWaterMarkAsync("app.log"));
        Assert.Equal(0, await Store.DeleteOlderThanAsync(Start.AddYears(1)));
    }

    [Fact]
    public async Task MigratingAgainChangesNothing()
    {
        await Store.AppendAsync([Row(1)]);
        await Store.MigrateAsync();
        Assert.Equal(1, await Store.CountAsync());
    }

    [Fact]
    public async Task EveryFieldRoundTrips()
    {
        var row = Full(7);
        await Store.AppendAsync([row]);
        var found = Assert.Single(await Store.SearchAsync(new LogQuery()));
        AssertSame(row, found);
    }

    [Fact]
    public async Task EmptyOptionalFieldsReadBackAsMissing()
    {
        var row = Row(1, time: null) with
        {
            Service = "", Environment = "", TraceId = "", IncidentId = "", TemplateParameters = [], Attributes = new Dictionary<string, string>(),
            Message = "", ParseNote = "",
        };
        await Store.AppendAsync([row]);
        var found = Assert.Single(await Store.SearchAsync(new LogQuery()));
        AssertSame(Row(1, time: null) with { Message = "" }, found);
    }

    [Fact]
    public async Task CountsEveryAppendedRow()
    {
        await Store.AppendAsync([.. Enumerable.Range(1, 1000).Select(i => Row(i))]);
        await Store.AppendAsync([.. Enumerable.Range(1001, 500).Select(i => Row(i))]);
        await Store.AppendAsync([]);
        Assert.Equal(1500, await Store.CountAsync());
    }

    [Fact]
    public async Task HighWaterMarkIsTheHighestLineOfEachSource()
    {
        await Store.AppendAsync([Row(3, source: "a.log"), Row(9, source: "a.log"), Row(5, source: "a.log"), Row(2, source: "b.log")]);
        Assert.Equal(9, await Store.HighWaterMarkAsync("a.log"));
        Assert.Equal(2, await Store.HighWaterMarkAsync("b.log"));
        Assert.Equal(0, await Store.HighWaterMarkAsync("c.log"));

        // A later batch with lower lines (a replay) never moves the mark back.
        await Store.AppendAsync([Row(4, source: "a.log"), Row(12, source: "b.log")]);
        Assert.Equal(9, await Store.HighWaterMarkAsync("a.log"));
        Assert.Equal(12, await Store.HighWaterMarkAsync("b.log"));
    }

    [Fact]
    public async Task HighWaterMarkSurvivesRetention()
    {
        await Store.AppendAsync([Row(1, "2026-01-10T00:00:00Z"), Row(2, "2026-01-11T00:00:00Z")]);
        Assert.Equal(2, await Store.DeleteOlderThanAsync(Start));
        Assert.Equal(0, await Store.CountAsync());
        Assert.Equal(2, await Store.HighWaterMarkAsync("app.log"));
    }

    [Fact]
    public async Task AFailedAppendStoresNothing()
    {
        await Store.AppendAsync([Row(1)]);
        var batch = Enumerable.Range(2, 5000).Select(i => Row(i, message: new string('x', 200))).ToList();
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.AppendAsync(new FailingList(batch, failAt: 4000)));

        Assert.Equal(1, await Store.CountAsync());
        Assert.Equal(1, await Store.HighWaterMarkAsync("app.log"));
        await Store.AppendAsync(batch);
        Assert.Equal(5001, await Store.CountAsync());
    }

    [Fact]
    public async Task RetentionDeletesOlderEntriesAndKeepsTheRest()
    {
        await Store.AppendAsync(
        [
            Row(1, "2025-11-30T23:59:59Z"), Row(2, "2026-01-15T12:00:00Z"), Row(3, "2026-02-28T23:59:59.999Z"),
            Row(4, "2026-03-01T00:00:00Z"), Row(5, "2026-03-02T00:00:00Z"), Row(6, time: null),
        ]);

        Assert.Equal(3, await Store.DeleteOlderThanAsync(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)));

        var left = await Store.SearchAsync(new LogQuery());
        Assert.Equal([5, 4, 6], left.Select(r => r.Line));
        Assert.Equal(3, await Store.CountAsync());
        Assert.Equal(0, await Store.DeleteOlderThanAsync(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task RetentionWithinOneMonthKeepsTheNewerPart()
    {
        await Store.AppendAsync([Row(1, "2026-03-01T10:00:00Z"), Row(2, "2026-03-01T10:00:00.001Z"), Row(3, "2026-03-01T10:00:00.002Z")]);
        Assert.Equal(1, await Store.DeleteOlderThanAsync(Start.AddMilliseconds(1)));
        Assert.Equal([3, 2], (await Store.SearchAsync(new LogQuery())).Select(r => r.Line));
    }

    [Fact]
    public async Task LevelsRoundTrip()
    {
        var levels = Enum.GetValues<LogLevel>();
        await Store.AppendAsync([.. levels.Select((level, i) => Row(i + 1) with { Level = level })]);
        var all = await Store.SearchAsync(new LogQuery());
        Assert.Equal(levels.OrderBy(l => l), all.Select(r => r.Level).OrderBy(l => l));
    }
}
