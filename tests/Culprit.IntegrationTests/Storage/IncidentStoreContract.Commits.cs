using Culprit.Storage;

namespace Culprit.IntegrationTests.Storage;

public abstract partial class IncidentStoreContract
{
    [Fact]
    public async Task ACommitCreatesItsIncidents()
    {
        var store = await OpenMigratedAsync();

        await store.CommitAsync(new BatchBuilder()
            .Occurrence(FpA, "app.log", 10, T0, "api", "1.0.0")
            .Occurrence(FpA, "app.log", 20, T0.AddMinutes(5), "worker", "1.0.1")
            .Occurrence(FpB, "app.log", 30, T0.AddMinutes(7), "api", null)
            .Build());

        var a = (await store.GetIncidentAsync(IdA))!;
        Assert.Equal(FpA, a.Fingerprint);
        Assert.Equal("v1", a.GroupingVersion);
        Assert.Equal("frames", a.Basis);
        Assert.Equal($"InvalidOperationException: {FpA} failed", a.Title);
        Assert.Equal(2, a.Count);
        Assert.Equal(T0, a.FirstSeen);
        Assert.Equal(T0.AddMinutes(5), a.LastSeen);
        Assert.Equal(Model.IncidentStatus.New, a.Status);
        Assert.Equal(["api", "worker"], a.Services);
        Assert.Equal(["1.0.0", "1.0.1"], a.Versions);
        Assert.Equal("app.log:10", a.RepresentativeId);
        Assert.Equal($"{FpA} failed", a.RepresentativeMessage);
        Assert.Contains("\"line\"", a.CulpritJson, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", a.RepresentativeExceptionJson, StringComparison.Ordinal);
        Assert.Equal([(Hour(T0), 2L)], await store.GetHourlyCountsAsync(IdA));

        var b = (await store.GetIncidentAsync(IdB))!;
        Assert.Equal(1, b.Count);
        Assert.Empty(b.Versions);
        Assert.Null(await store.GetIncidentAsync("nosuchid"));
    }

    [Fact]
    public async Task ASecondBatchAddsCountsWidensTimesAndUnionsServicesAndVersions()
    {
        var store = await OpenMigratedAsync();
        await store.CommitAsync(new BatchBuilder()
            .Occurrence(FpA, "app.log", 1, T0, "api", "1.0.0")
            .Occurrence(FpA, "app.log", 2, T0.AddMinutes(10), "api", "1.0.0")
            .Build());

        await store.CommitAsync(new BatchBuilder()
            .Occurrence(FpA, "app.log", 3, T0.AddMinutes(20), "billing", "1.1.0")
            .Occurrence(FpA, "old.log", 1, T0.AddHours(-2), "api", "0.9.0")
            .Occurrence(FpA, "app.log", 4, T0.AddHours(2), "api", "1.1.0")
            .Occurrence(FpA, "app.log", 5, null, "api", null)
            .Build());

        var a = (await store.GetIncidentAsync(IdA))!;
        Assert.Equal(6, a.Count);
        Assert.Equal(T0.AddHours(-2), a.FirstSeen);
        Assert.Equal(T0.AddHours(2), a.LastSeen);
        Assert.Equal(["api", "billing"], a.Services);
        Assert.Equal(["0.9.0", "1.0.0", "1.1.0"], a.Versions);
        Assert.Equal("app.log:1", a.RepresentativeId);
        Assert.Equal(
            [(Hour(T0.AddHours(-2)), 1L), (Hour(T0), 3L), (Hour(T0.AddHours(2)), 1L)],
            await store.GetHourlyCountsAsync(IdA));
    }

    [Fact]
    public async Task ReplayingABatchChangesNothing()
    {
        var store = await OpenMigratedAsync();
        var batch = new BatchBuilder()
            .Occurrence(FpA, "app.log", 1, T0)
            .Occurrence(FpA, "app.log", 2, T0.AddMinutes(1))
            .Occurrence(FpB, "app.log", 3, T0.AddMinutes(2))
            .Checkpoint("app.log", 500, 3, T0)
            .Build();
        await store.CommitAsync(batch);

        await store.CommitAsync(batch);
        await Open().CommitAsync(batch);

        Assert.Equal(2, (await store.GetIncidentAsync(IdA))!.Count);
        Assert.Equal(1, (await store.GetIncidentAsync(IdB))!.Count);
        Assert.Equal([(Hour(T0), 2L)], await store.GetHourlyCountsAsync(IdA));
    }

    [Fact]
    public async Task ABatchOverlappingAStoredOneCountsOnlyTheNewOccurrences()
    {
        var store = await OpenMigratedAsync();
        await store.CommitAsync(new BatchBuilder().Occurrence(FpA, "app.log", 1, T0).Occurrence(FpA, "app.log", 2, T0).Build());

        await store.CommitAsync(new BatchBuilder()
            .Occurrence(FpA, "app.log", 2, T0)
            .Occurrence(FpA, "app.log", 3, T0.AddHours(1))
            .Occurrence(FpB, "app.log", 4, T0.AddHours(1))
            .Build());

        Assert.Equal(3, (await store.GetIncidentAsync(IdA))!.Count);
        Assert.Equal([(Hour(T0), 2L), (Hour(T0.AddHours(1)), 1L)], await store.GetHourlyCountsAsync(IdA));
        Assert.Equal(1, (await store.GetIncidentAsync(IdB))!.Count);
    }

    [Fact]
    public async Task CheckpointsRoundTrip()
    {
        var store = await OpenMigratedAsync();
        Assert.Null(await store.GetCheckpointAsync("app.log"));

        await store.CommitAsync(new BatchBuilder()
            .Occurrence(FpA, "app.log", 1, T0)
            .Checkpoint("app.log", 1234, 17, T0.AddSeconds(1.5), "98765")
            .Checkpoint("other.log", 0, 0, T0, inode: null)
            .Build());
        await store.CommitAsync(new BatchBuilder().Checkpoint("other.log", 99, 3, T0.AddMinutes(1), "42").Build());

        Assert.Equal(new SourceCheckpoint("app.log", "98765", 1234, 17, T0.AddSeconds(1.5)), await store.GetCheckpointAsync("app.log"));
        Assert.Equal(new SourceCheckpoint("other.log", "42", 99, 3, T0.AddMinutes(1)), await store.GetCheckpointAsync("other.log"));
    }

    [Fact]
    public async Task TwoStoresCommittingIntoTheSameIncidentsAtOnceEndWithExactTotals()
    {
        await OpenMigratedAsync();
        var first = Open();
        var second = Open();
        const int Batches = 15;
        const int PerBatch = 20;

        await Task.WhenAll(
            WriteAsync(first, "first.log", [FpA, FpB, FpC]),
            WriteAsync(second, "second.log", [FpC, FpB, FpA]));

        // Per incident: a third of each writer's own lines, and a third of the shared file's (every other line).
        var expected = (Batches * PerBatch / 3 * 2) + (Batches * PerBatch / 2 / 3);
        foreach (var id in new[] { IdA, IdB, IdC })
        {
            var incident = (await first.GetIncidentAsync(id))!;
            Assert.Equal(expected, incident.Count);
            Assert.Equal(incident.Count, (await first.GetHourlyCountsAsync(id)).Sum(h => h.Count));
        }

        Assert.Equal(Batches * PerBatch, (await first.GetCheckpointAsync("first.log"))!.Line);

        // Each writer writes its own file and also the same lines of a shared one, which must count once.
        static async Task WriteAsync(IIncidentStore store, string source, string[] fingerprints)
        {
            for (var b = 0; b < Batches; b++)
            {
                var builder = new BatchBuilder();
                for (var i = 0; i < PerBatch; i++)
                {
                    var line = (b * PerBatch) + i + 1;
                    var at = T0.AddMinutes(line);
                    builder.Occurrence(fingerprints[line % 3], source, line, at);
                    if (line % 2 == 0)
                        builder.Occurrence(FingerprintOfShared(line), "shared.log", line, at);
                }

                await store.CommitAsync(builder.Checkpoint(source, line: (b + 1) * PerBatch, offset: (b + 1) * PerBatch * 80, at: T0).Build());
            }
        }

        static string FingerprintOfShared(long line) => (line / 2 % 3) switch { 0 => FpA, 1 => FpB, _ => FpC };
    }

    protected static DateTimeOffset Hour(DateTimeOffset at) => new(at.Year, at.Month, at.Day, at.Hour, 0, 0, TimeSpan.Zero);
}
