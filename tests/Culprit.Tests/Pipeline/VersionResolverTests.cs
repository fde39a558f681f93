using Culprit.Model;
using Culprit.Pipeline;
using Culprit.Storage;
using Culprit.Storage.Sqlite;
using Culprit.Tests.Support;

namespace Culprit.Tests.Pipeline;

/// <summary>Entries without a version get the deploy live at their time, on a real SQLite store.</summary>
public sealed class VersionResolverTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 2, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("culprit-versions-").FullName;
    private IDeployStore _store = null!;

    public async Task InitializeAsync()
    {
        var store = new SqliteIncidentStore(Path.Combine(_dir, "incidents.db"));
        await store.MigrateAsync();
        _store = store;
        await _store.RecordDeployAsync(new DeployRecord("api", "prod", "1.0", "aaaaaaa111", T0));
        await _store.RecordDeployAsync(new DeployRecord("api", "prod", "1.1", "bbbbbbb222", T0.AddHours(2)));
        await _store.RecordDeployAsync(new DeployRecord("api", "staging", "2.0-rc", "ccccccc333", T0.AddHours(1)));
        await _store.RecordDeployAsync(new DeployRecord("worker", "prod", "7", "ddddddd444", T0));
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncDisposable)_store).DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private static LogEntry Entry(string? service, string? environment, DateTimeOffset? at, string? version = null, string? sha = null) =>
        new() { Service = service, Environment = environment, Timestamp = at, Version = version, CommitSha = sha };

    [Fact]
    public async Task TheDeployLiveAtTheEntrysTimeGivesItsVersionAndCommit()
    {
        var resolver = new VersionResolver(_store, TimeProvider.System);

        Assert.Equal((null, null), await resolver.ResolveAsync(Entry("api", "prod", T0.AddSeconds(-1))));
        Assert.Equal(("1.0", "aaaaaaa111"), await resolver.ResolveAsync(Entry("api", "prod", T0)));
        Assert.Equal(("1.0", "aaaaaaa111"), await resolver.ResolveAsync(Entry("api", "prod", T0.AddHours(2).AddTicks(-1))));
        Assert.Equal(("1.1", "bbbbbbb222"), await resolver.ResolveAsync(Entry("api", "prod", T0.AddHours(2))));
        Assert.Equal(("2.0-rc", "ccccccc333"), await resolver.ResolveAsync(Entry("api", "staging", T0.AddDays(1))));
        Assert.Equal((null, null), await resolver.ResolveAsync(Entry("api", "qa", T0.AddDays(1))));
        Assert.Equal((null, null), await resolver.ResolveAsync(Entry(null, "prod", T0.AddDays(1))));
        Assert.Equal((null, null), await resolver.ResolveAsync(Entry("api", "prod", null)));
    }

    [Fact]
    public async Task WhatTheEntryCarriesWinsAndCompletesTheOtherHalf()
    {
        var resolver = new VersionResolver(_store, TimeProvider.System);

        Assert.Equal(("9.9", "eeee"), await resolver.ResolveAsync(Entry("api", "prod", T0.AddHours(3), "9.9", "eeee")));
        Assert.Equal(("1.0", "aaaaaaa111"), await resolver.ResolveAsync(Entry("api", "prod", T0.AddHours(3), version: "1.0")));
        Assert.Equal(("1.1", "bbbbbbb"), await resolver.ResolveAsync(Entry("api", "prod", T0, sha: "bbbbbbb")));
        Assert.Equal(("9.9", null), await resolver.ResolveAsync(Entry("api", "prod", T0.AddHours(3), version: "9.9")));
    }

    [Fact]
    public async Task AnEntryWithoutEnvironmentUsesTheServicesOnlyEnvironment()
    {
        var resolver = new VersionResolver(_store, TimeProvider.System);

        Assert.Equal(("7", "ddddddd444"), await resolver.ResolveAsync(Entry("worker", null, T0.AddHours(1))));
        // api is deployed to two environments: which one the entry came from is unknown.
        Assert.Equal((null, null), await resolver.ResolveAsync(Entry("api", null, T0.AddHours(3))));
    }

    [Fact]
    public async Task DeploysRecordedLaterAreSeenAfterTheRefreshInterval()
    {
        var clock = new ManualTime(T0.AddDays(1));
        var resolver = new VersionResolver(_store, clock);
        Assert.Equal("1.1", (await resolver.ResolveAsync(Entry("api", "prod", T0.AddHours(5)))).Version);

        await _store.RecordDeployAsync(new DeployRecord("api", "prod", "1.2", null, T0.AddHours(4)));
        Assert.Equal("1.1", (await resolver.ResolveAsync(Entry("api", "prod", T0.AddHours(5)))).Version);
        clock.Now += VersionResolver.RefreshAfter;
        Assert.Equal("1.2", (await resolver.ResolveAsync(Entry("api", "prod", T0.AddHours(5)))).Version);
    }

    [Fact]
    public async Task ThePersistingRunRecordsTheDeployedVersionsOfEachIncident()
    {
        var log = Path.Combine(_dir, "app.log");
        await File.WriteAllTextAsync(log, """
            {"ts":"2026-02-01T12:30:00Z","level":"error","service":"api","env":"prod","msg":"payment 1 refused"}
            {"ts":"2026-02-01T14:30:00Z","level":"error","service":"api","env":"prod","msg":"payment 2 refused"}
            {"ts":"2026-02-01T14:31:00Z","level":"error","service":"api","env":"prod","version":"1.1-hotfix","msg":"payment 3 refused"}

            """);
        var options = new StorageOptions { DataDirectory = Path.Combine(_dir, "data") };
        var now = new FixedTimeProvider(T0.AddDays(1));
        await using var stores = await StoreFactory.OpenAsync(options, now);
        await stores.MigrateAsync();
        var deploys = (IDeployStore)stores.Incidents;
        await deploys.RecordDeployAsync(new DeployRecord("api", "prod", "1.0", "aaaaaaa111", T0));
        await deploys.RecordDeployAsync(new DeployRecord("api", "prod", "1.1", "bbbbbbb222", T0.AddHours(2)));

        await new Ingestor(LogReader.CreateDefault(), new Culprit.Grouping.FingerprinterV1(), stores, new IngestOptions(), now)
            .RunAsync([log], new AnalyzeOptions(), new RunStats());

        var incident = Assert.Single(await stores.Incidents.ListIncidentsAsync(new IncidentFilter()));
        Assert.Equal(3, incident.Count);
        Assert.Equal(["1.0", "1.1", "1.1-hotfix"], incident.Versions);
    }

    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
