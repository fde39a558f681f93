using Culprit.Model;
using Culprit.Storage;
using static Culprit.IntegrationTests.Storage.LogRows;

namespace Culprit.IntegrationTests.Storage;

/// <summary>Search, timeline, top incidents, heatmap and trace over one small data set.</summary>
public abstract partial class LogStoreContract
{
    private static DateTimeOffset At(string time) => DateTimeOffset.Parse("2026-03-01T" + time + "Z", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Nine entries: two services on app.log, a worker on worker.log, one entry without a time.</summary>
    private async Task SeedAsync()
    {
        LogRow R(long line, string? time, LogLevel level, string service, string? environment, string message, string source = "app.log") =>
            Row(line, time is null ? null : "2026-03-01T" + time + "Z", source, message) with { Level = level, Service = service, Environment = environment };

        await Store.AppendAsync(
        [
            R(1, "10:00:00", LogLevel.Info, "api", "prod", "user login ok") with { RequestId = "r-9" },
            R(2, "10:00:30.500", LogLevel.Warn, "api", "prod", "slow query took 300 ms") with { TraceId = "t1" },
            R(3, "10:01:00", LogLevel.Error, "api", "prod", "Payment FAILED for order 7") with { IncidentId = "inc-a", CulpritFile = "Pay.cs", CulpritFunction = "Charge", TraceId = "t1" },
            R(4, "10:01:59.999", LogLevel.Error, "api", "staging", "payment failed again") with { IncidentId = "inc-a", CulpritFile = "Pay.cs", CulpritFunction = "Charge", RequestId = "r-9" },
            R(5, "10:02:00", LogLevel.Error, "web", "prod", "render failed") with { IncidentId = "inc-b", CulpritFile = "View.cs", CulpritFunction = "Render", TraceId = "t2" },
            R(6, "10:05:00", LogLevel.Fatal, "web", "prod", "out of memory") with { IncidentId = "inc-c", CulpritFile = "View.cs" },
            R(7, null, LogLevel.Error, "web", "prod", "no time here failed") with { IncidentId = "inc-b", CulpritFile = "View.cs", CulpritFunction = "Render", TraceId = "t1" },
            R(8, "10:03:00", LogLevel.Debug, "worker", null, "payment retry", "worker.log"),
        ]);
        // A second append, as a second batch would come.
        await Store.AppendAsync([R(9, "10:03:00", LogLevel.Error, "worker", "prod", "payment failed in worker", "worker.log") with { IncidentId = "inc-a", CulpritFile = "Pay.cs", CulpritFunction = "Refund", TraceId = "t1" }]);
    }

    /// <summary>The lines found, in order, as "6 9 8".</summary>
    private async Task<string> SearchLinesAsync(LogQuery query) => string.Join(' ', (await Store.SearchAsync(query)).Select(r => r.Line));

    [Fact]
    public async Task SearchReturnsNewestFirstWithEntriesWithoutTimeLast()
    {
        await SeedAsync();
        Assert.Equal("6 9 8 5 4 3 2 1 7", await SearchLinesAsync(new LogQuery()));
        Assert.Equal("6 9", await SearchLinesAsync(new LogQuery { Limit = 2 }));
    }

    [Fact]
    public async Task SearchFindsTheNewestWhateverTheSpanAndLimit()
    {
        var newest = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
        TimeSpan[] ages = [TimeSpan.FromDays(90), TimeSpan.FromDays(10), TimeSpan.FromHours(30), TimeSpan.FromHours(2), TimeSpan.FromMinutes(30), TimeSpan.Zero];
        await Store.AppendAsync([.. ages.Select((age, i) => Row(i + 1) with { Timestamp = newest - age }), Row(7, time: null)]);

        string[] expected = ["6", "6 5", "6 5 4", "6 5 4 3", "6 5 4 3 2", "6 5 4 3 2 1", "6 5 4 3 2 1 7", "6 5 4 3 2 1 7"];
        for (var limit = 1; limit <= 8; limit++)
            Assert.Equal(expected[limit - 1], await SearchLinesAsync(new LogQuery { Limit = limit }));
        Assert.Equal("3 2", await SearchLinesAsync(new LogQuery { To = newest - TimeSpan.FromHours(2), Limit = 2 }));
        Assert.Equal("2 1", await SearchLinesAsync(new LogQuery { To = newest - TimeSpan.FromDays(2), Limit = 5 }));
        Assert.Equal("5", await SearchLinesAsync(new LogQuery { From = newest - TimeSpan.FromHours(1), To = newest, Limit = 5 }));
        Assert.Equal("", await SearchLinesAsync(new LogQuery { Limit = 0 }));
    }

    [Fact]
    public async Task SearchFiltersByEachField()
    {
        await SeedAsync();
        Assert.Equal("4 3 2 1", await SearchLinesAsync(new LogQuery { Service = "api" }));
        Assert.Equal("4", await SearchLinesAsync(new LogQuery { Environment = "staging" }));
        Assert.Equal("6 9 5 3 2 1 7", await SearchLinesAsync(new LogQuery { Environment = "prod" }));
        Assert.Equal("6 9 5 4 3 7", await SearchLinesAsync(new LogQuery { MinLevel = LogLevel.Error }));
        Assert.Equal("9 4 3", await SearchLinesAsync(new LogQuery { IncidentId = "inc-a" }));
        Assert.Equal("9 3 2 7", await SearchLinesAsync(new LogQuery { TraceId = "t1" }));
        Assert.Equal("4 1", await SearchLinesAsync(new LogQuery { RequestId = "r-9" }));
        Assert.Equal("", await SearchLinesAsync(new LogQuery { Service = "nobody" }));
    }

    [Fact]
    public async Task SearchTimeRangeIncludesFromAndExcludesToToTheMillisecond()
    {
        await SeedAsync();
        Assert.Equal("4 3", await SearchLinesAsync(new LogQuery { From = At("10:01:00"), To = At("10:02:00") }));
        Assert.Equal("5 4", await SearchLinesAsync(new LogQuery { From = At("10:01:59.999"), To = At("10:02:00.001") }));
        Assert.Equal("2 1", await SearchLinesAsync(new LogQuery { To = At("10:01:00") }));
        Assert.Equal("6", await SearchLinesAsync(new LogQuery { From = At("10:03:00.001") }));
    }

    [Fact]
    public async Task SearchTextNeedsEveryWordInAnyCase()
    {
        await SeedAsync();
        Assert.Equal("9 4 3", await SearchLinesAsync(new LogQuery { Text = "payment failed" }));
        Assert.Equal("9 4 3", await SearchLinesAsync(new LogQuery { Text = "  FAILED   PayMent " }));
        Assert.Equal("5 7", await SearchLinesAsync(new LogQuery { Text = "failed", Service = "web" }));
        Assert.Equal("", await SearchLinesAsync(new LogQuery { Text = "nothing-like-this" }));
    }

    [Fact]
    public async Task SearchCombinesFilters()
    {
        await SeedAsync();
        Assert.Equal("4 3 2", await SearchLinesAsync(new LogQuery { Service = "api", MinLevel = LogLevel.Warn, From = At("10:00:30.500") }));
    }

    [Fact]
    public async Task TimelineCountsPerBucketAndLeavesOutEmptyBucketsAndEntriesWithoutTime()
    {
        await SeedAsync();
        var minutes = await Store.TimelineAsync(new LogQuery(), TimeSpan.FromMinutes(1));
        Assert.Equal(
            [new(At("10:00:00"), 2), new(At("10:01:00"), 2), new(At("10:02:00"), 1), new(At("10:03:00"), 2), new(At("10:05:00"), 1)],
            minutes);
        Assert.All(minutes, b => Assert.Equal(TimeSpan.Zero, b.Start.Offset));

        Assert.Equal([new TimeBucket(At("10:00:00"), 8)], await Store.TimelineAsync(new LogQuery(), TimeSpan.FromHours(1)));
    }

    [Fact]
    public async Task TimelineAppliesFiltersAndSubSecondBuckets()
    {
        await SeedAsync();
        Assert.Equal(
            [new(At("10:00:00"), 1), new(At("10:00:30"), 1), new(At("10:01:00"), 1), new(At("10:01:30"), 1)],
            await Store.TimelineAsync(new LogQuery { Service = "api" }, TimeSpan.FromSeconds(30)));
        Assert.Equal(
            [new TimeBucket(At("10:00:30.500"), 1)],
            await Store.TimelineAsync(new LogQuery { From = At("10:00:30"), To = At("10:00:31") }, TimeSpan.FromMilliseconds(250)));
        Assert.Empty(await Store.TimelineAsync(new LogQuery { Text = "nothing-like-this" }, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task TopIncidentsAreLargestFirstWithinTheWindow()
    {
        await SeedAsync();
        Assert.Equal([new("inc-a", 3), new("inc-b", 2), new("inc-c", 1)], await Store.TopIncidentsAsync(new LogQuery()));
        Assert.Equal([new IncidentCount("inc-a", 2)], await Store.TopIncidentsAsync(new LogQuery { To = At("10:02:00") }));
        Assert.Equal([new IncidentCount("inc-a", 3)], await Store.TopIncidentsAsync(new LogQuery { Limit = 1 }));
        // Ties go by incident id.
        Assert.Equal([new("inc-a", 2), new("inc-b", 1), new("inc-c", 1)], await Store.TopIncidentsAsync(new LogQuery { From = At("10:01:30") }));
    }

    [Fact]
    public async Task HeatmapCountsFailuresPerFileAndFunction()
    {
        await SeedAsync();
        Assert.Equal(
            [new("Pay.cs", "Charge", 2), new("View.cs", "Render", 2), new("Pay.cs", "Refund", 1), new("View.cs", "", 1)],
            await Store.HeatmapAsync(new LogQuery()));
        Assert.Equal([new("View.cs", "Render", 2), new("View.cs", "", 1)], await Store.HeatmapAsync(new LogQuery { Service = "web" }));
        Assert.Equal([new HeatmapCell("Pay.cs", "Charge", 1)], await Store.HeatmapAsync(new LogQuery { Environment = "staging" }));
    }

    [Fact]
    public async Task TraceReturnsItsEntriesOldestFirst()
    {
        await SeedAsync();
        Assert.Equal([2, 3, 9, 7], (await Store.TraceAsync("t1")).Select(r => r.Line));
        Assert.Equal([5], (await Store.TraceAsync("t2")).Select(r => r.Line));
        Assert.Empty(await Store.TraceAsync("t3"));
        Assert.Empty(await Store.TraceAsync(""));
    }
}
