using Culprit.IntegrationTests.Support;
using Culprit.Storage;

namespace Culprit.IntegrationTests.Storage;

/// <summary>
/// What every <see cref="IIncidentStore"/> must do, run against each backend by a subclass that gives it a fresh
/// database per test. Split over partial files: migrations here, commits and queries beside.
/// </summary>
public abstract partial class IncidentStoreContract : IAsyncLifetime
{
    protected const string FpA = "aaaaaaaaaaaa00000000000000000001";
    protected const string FpB = "bbbbbbbbbbbb00000000000000000002";
    protected const string FpC = "cccccccccccc00000000000000000003";

    /// <summary>10:15 UTC on 1 March 2026: the occurrences' times are built around it.</summary>
    protected static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 15, 0, TimeSpan.Zero);

    private readonly List<IIncidentStore> _stores = [];

    protected ManualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    protected static string IdA => BatchBuilder.IdOf(FpA);

    protected static string IdB => BatchBuilder.IdOf(FpB);

    protected static string IdC => BatchBuilder.IdOf(FpC);

    /// <summary>The highest migration this build has.</summary>
    protected abstract int LatestVersion { get; }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores)
            await store.DisposeAsync();
    }

    /// <summary>A new store instance (its own connections) on this test's database.</summary>
    protected abstract IIncidentStore NewStore();

    protected abstract Task MigrateToAsync(IIncidentStore store, int version);

    protected abstract Task<int> SchemaVersionAsync(IIncidentStore store);

    /// <summary>Runs raw SQL on this test's database, for states only a damaged or future database is in.</summary>
    protected abstract Task ExecuteSqlAsync(string sql);

    /// <summary>The names of the tables in this test's database.</summary>
    protected abstract Task<IReadOnlyList<string>> TablesAsync();

    protected IIncidentStore Open()
    {
        var store = NewStore();
        _stores.Add(store);
        return store;
    }

    protected async Task<IIncidentStore> OpenMigratedAsync()
    {
        var store = Open();
        await store.MigrateAsync();
        return store;
    }

    [Fact]
    public async Task MigratesAnEmptyDatabaseToTheLatestVersion()
    {
        var store = Open();
        Assert.Equal(0, await SchemaVersionAsync(store));

        await store.MigrateAsync();

        Assert.Equal(LatestVersion, await SchemaVersionAsync(store));
        Assert.Empty(await store.ListIncidentsAsync(new IncidentFilter()));
    }

    [Fact]
    public async Task TheFirstMigrationCreatesEveryTableOfTheProduct()
    {
        var store = Open();
        await MigrateToAsync(store, 1);

        var tables = await TablesAsync();

        string[] expected =
        [
            "schema_migrations", "incidents", "occurrences", "incident_hourly_counts", "status_history", "source_checkpoints",
            "deploys", "rca_results", "feedback", "users", "api_keys", "audit_log", "saved_queries", "jobs",
            "repositories", "indexed_commits", "commit_files", "code_files", "code_symbols", "code_chunks",
        ];
        Assert.All(expected, table => Assert.Contains(table, tables));
    }

    [Fact]
    public async Task MigratingTwiceChangesNothing()
    {
        var store = await OpenMigratedAsync();
        await store.CommitAsync(new BatchBuilder().Occurrence(FpA, "app.log", 1, T0).Build());

        await store.MigrateAsync();
        await Open().MigrateAsync();

        Assert.Equal(LatestVersion, await SchemaVersionAsync(store));
        Assert.Equal(1, (await store.GetIncidentAsync(IdA))!.Count);
    }

    [Fact]
    public async Task TwoProcessesMigratingAtOnceBothSucceed()
    {
        var first = Open();
        var second = Open();

        await Task.WhenAll(first.MigrateAsync(), second.MigrateAsync());

        Assert.Equal(LatestVersion, await SchemaVersionAsync(first));
    }

    [Fact]
    public async Task UpgradesFromVersionOneKeepingTheData()
    {
        var store = Open();
        await MigrateToAsync(store, 1);
        Assert.Equal(1, await SchemaVersionAsync(store));
        await store.CommitAsync(new BatchBuilder()
            .Occurrence(FpA, "app.log", 1, T0)
            .Occurrence(FpA, "app.log", 2, T0.AddHours(1))
            .Checkpoint("app.log", 300, 2, T0)
            .Build());
        await store.SetStatusAsync(IdA, Model.IncidentStatus.Investigating, "dana", "looking");

        await store.MigrateAsync();

        Assert.Equal(LatestVersion, await SchemaVersionAsync(store));
        var incident = (await store.GetIncidentAsync(IdA))!;
        Assert.Equal(2, incident.Count);
        Assert.Equal(Model.IncidentStatus.Investigating, incident.Status);
        Assert.Equal(2, (await store.GetHourlyCountsAsync(IdA)).Count);
        Assert.Single(await store.GetStatusHistoryAsync(IdA));
        Assert.Equal(300, (await store.GetCheckpointAsync("app.log"))!.Offset);

        await store.CommitAsync(new BatchBuilder().Occurrence(FpA, "app.log", 3, T0.AddHours(2)).Build());
        Assert.Equal(3, (await store.GetIncidentAsync(IdA))!.Count);
        Assert.Equal(1, await store.DropSamplesOlderThanAsync(T0.AddMinutes(1)));
    }

    [Fact]
    public async Task ADatabaseFromANewerCulpritIsRefusedWithAClearError()
    {
        var store = await OpenMigratedAsync();
        await ExecuteSqlAsync("INSERT INTO schema_migrations (version, name, checksum, applied_at) SELECT 99, '0099_future', 'x', applied_at FROM schema_migrations WHERE version = 1");

        var error = await Assert.ThrowsAsync<StorageException>(() => Open().MigrateAsync());

        Assert.Equal(StorageFailureKind.SchemaTooNew, error.Kind);
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
        Assert.Contains(error.Location, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADatabaseOfAnotherApplicationIsLeftAlone()
    {
        await ExecuteSqlAsync("CREATE TABLE orders (id integer PRIMARY KEY)");

        var error = await Assert.ThrowsAsync<StorageException>(() => Open().MigrateAsync());

        Assert.Equal(StorageFailureKind.ForeignDatabase, error.Kind);
        Assert.Contains(error.Location, error.Message, StringComparison.Ordinal);
        Assert.Contains("orders", await TablesAsync());
        Assert.DoesNotContain("incidents", await TablesAsync());
    }
}
