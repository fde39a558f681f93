using Culprit.Pipeline;
using Culprit.Storage;
using Culprit.Tests.Support;

namespace Culprit.Tests.Storage;

/// <summary>The retention sweep on the embedded stores: old archive chunks, log entries and samples go, counts stay.</summary>
public sealed class RetentionSweeperTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("culprit-retention-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task SweepRemovesWhatIsPastItsWindowAndKeepsCounts()
    {
        var log = Path.Combine(_dir, "app.log");
        await File.WriteAllTextAsync(log, """
            2026-01-02 10:00:00,000 ERROR [main] c.a.Pay - charge 1 failed: timeout after 3000 ms
            2026-01-02 10:01:00,000 ERROR [main] c.a.Pay - charge 2 failed: timeout after 3100 ms
            2026-03-01 10:00:00,000 ERROR [main] c.a.Pay - charge 3 failed: timeout after 2900 ms

            """);
        var options = new StorageOptions { DataDirectory = Path.Combine(_dir, "data"), LogRetentionDays = 14, ArchiveRetentionDays = 30, SampleRetentionDays = 20 };
        var now = new FixedTimeProvider(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));
        await using var stores = await StoreFactory.OpenAsync(options, now);
        await stores.MigrateAsync();
        var stats = new RunStats();
        await new Ingestor(LogReader.CreateDefault(), new Culprit.Grouping.FingerprinterV1(), stores, new IngestOptions(), now)
            .RunAsync([log], new AnalyzeOptions(), stats);
        Assert.Equal(3, await stores.Logs.CountAsync());

        var result = await new RetentionSweeper(stores, options, now).SweepAsync();

        Assert.Equal(2, result.LogEntries);
        Assert.Equal(1, await stores.Logs.CountAsync());
        Assert.Equal(2, result.Samples);
        var incident = Assert.Single(await stores.Incidents.ListIncidentsAsync(new IncidentFilter()));
        Assert.Equal(3, incident.Count);
    }
}
