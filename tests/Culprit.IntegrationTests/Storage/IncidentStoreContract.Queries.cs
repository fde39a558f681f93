using Culprit.Model;
using Culprit.Storage;

namespace Culprit.IntegrationTests.Storage;

public abstract partial class IncidentStoreContract
{
    [Fact]
    public async Task ListsIncidentsByFilterLargestFirst()
    {
        var store = await OpenMigratedAsync();
        var builder = new BatchBuilder();
        for (var i = 1; i <= 3; i++)
            builder.Occurrence(FpA, "app.log", i, T0.AddDays(-3), "api");
        for (var i = 4; i <= 5; i++)
            builder.Occurrence(FpB, "app.log", i, T0, "billing");
        builder.Occurrence(FpC, "app.log", 6, T0.AddHours(1), "api");
        builder.Occurrence(FpC, "app.log", 7, T0.AddHours(1), "billing");
        builder.Occurrence(FpC, "app.log", 8, T0.AddHours(1), "billing");
        builder.Occurrence(FpC, "app.log", 9, T0.AddHours(1), "billing");
        await store.CommitAsync(builder.Build());
        await store.SetStatusAsync(IdB, IncidentStatus.Resolved, null, null);

        Assert.Equal([IdC, IdA, IdB], Ids(await store.ListIncidentsAsync(new IncidentFilter())));
        Assert.Equal([IdC, IdA], Ids(await store.ListIncidentsAsync(new IncidentFilter(Limit: 2))));
        Assert.Equal([IdB], Ids(await store.ListIncidentsAsync(new IncidentFilter(Status: IncidentStatus.Resolved))));
        Assert.Equal([IdC, IdA], Ids(await store.ListIncidentsAsync(new IncidentFilter(OpenOnly: true))));
        Assert.Equal([IdC, IdB], Ids(await store.ListIncidentsAsync(new IncidentFilter(Since: T0.AddDays(-1)))));
        Assert.Equal([IdC, IdA], Ids(await store.ListIncidentsAsync(new IncidentFilter(Service: "api"))));
        Assert.Equal([IdC], Ids(await store.ListIncidentsAsync(new IncidentFilter(Since: T0.AddDays(-1), Service: "api"))));
        Assert.Empty(await store.ListIncidentsAsync(new IncidentFilter(Service: "nothing")));
    }

    [Fact]
    public async Task StatusChangesAreKeptAsHistory()
    {
        var store = await OpenMigratedAsync();
        await store.CommitAsync(new BatchBuilder().Occurrence(FpA, "app.log", 1, T0).Build());
        var first = Clock.Now;

        Assert.False(await store.SetStatusAsync("nosuchid", IncidentStatus.Resolved, "dana", null));
        Assert.True(await store.SetStatusAsync(IdA, IncidentStatus.Investigating, "dana", "on it"));
        Assert.True(await store.SetStatusAsync(IdA, IncidentStatus.Investigating, "dana", "still"));
        Clock.Now = first.AddHours(1);
        Assert.True(await store.SetStatusAsync(IdA, IncidentStatus.Ignored, null, null));

        Assert.Equal(IncidentStatus.Ignored, (await store.GetIncidentAsync(IdA))!.Status);
        Assert.Equal(
            [
                new StatusChange(IdA, IncidentStatus.New, IncidentStatus.Investigating, "dana", "on it", first),
                new StatusChange(IdA, IncidentStatus.Investigating, IncidentStatus.Ignored, null, null, first.AddHours(1)),
            ],
            await store.GetStatusHistoryAsync(IdA));
        Assert.Empty(await store.GetStatusHistoryAsync(IdB));
    }

    [Fact]
    public async Task AResolvedIncidentThatOccursAgainRegresses()
    {
        var store = await OpenMigratedAsync();
        await store.CommitAsync(new BatchBuilder().Occurrence(FpA, "app.log", 1, T0).Occurrence(FpB, "app.log", 2, T0).Build());
        Clock.Now = T0.AddHours(1);
        await store.SetStatusAsync(IdA, IncidentStatus.Resolved, "dana", "fixed in 1.0.1");
        await store.SetStatusAsync(IdB, IncidentStatus.Resolved, "dana", null);
        Clock.Now = T0.AddHours(3);

        // A late copy of an old log (before the resolution) does not reopen; a new failure does.
        await store.CommitAsync(new BatchBuilder()
            .Occurrence(FpA, "late.log", 1, T0.AddMinutes(30))
            .Occurrence(FpB, "app.log", 3, T0.AddHours(2))
            .Build());

        Assert.Equal(IncidentStatus.Resolved, (await store.GetIncidentAsync(IdA))!.Status);
        Assert.Equal(2, (await store.GetIncidentAsync(IdA))!.Count);
        Assert.Equal(IncidentStatus.Regressed, (await store.GetIncidentAsync(IdB))!.Status);
        var last = (await store.GetStatusHistoryAsync(IdB))[^1];
        Assert.Equal((IncidentStatus.Resolved, IncidentStatus.Regressed, "culprit", T0.AddHours(3)), (last.From, last.To, last.Actor, last.At));
        Assert.Equal("occurred again at 2026-03-01T12:15:00Z after it was resolved", last.Note);
    }

    [Fact]
    public async Task DroppingOldSamplesKeepsTheCounts()
    {
        var store = await OpenMigratedAsync();
        await store.CommitAsync(new BatchBuilder()
            .Occurrence(FpA, "app.log", 1, T0.AddDays(-10))
            .Occurrence(FpA, "app.log", 2, T0.AddDays(-8))
            .Occurrence(FpA, "app.log", 3, T0.AddDays(-8), sample: null)
            .Occurrence(FpA, "app.log", 4, T0)
            .Occurrence(FpB, "app.log", 5, null)
            .Build());

        Assert.Equal(2, await store.DropSamplesOlderThanAsync(T0.AddDays(-7)));
        Assert.Equal(0, await store.DropSamplesOlderThanAsync(T0.AddDays(-7)));

        Assert.Equal(4, (await store.GetIncidentAsync(IdA))!.Count);
        Assert.Equal(3, (await store.GetHourlyCountsAsync(IdA)).Count);
        Assert.Equal(1, await store.DropSamplesOlderThanAsync(T0.AddDays(1)));
    }

    private static string[] Ids(IReadOnlyList<IncidentRecord> incidents) => incidents.Select(i => i.Id).ToArray();
}
