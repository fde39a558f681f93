using Culprit.IntegrationTests.Support;
using Culprit.Storage;
using Culprit.Storage.Sqlite;

namespace Culprit.IntegrationTests.Storage;

/// <summary>The code index contract on a fresh SQLite file per test, migrated by the incident store that shares it.</summary>
public sealed class SqliteCodeIndexStoreTests : CodeIndexStoreContract
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), TestServers.UniqueName("culprit_code"));

    private string DatabasePath => Path.Combine(_folder, "incidents.db");

    public override async Task InitializeAsync()
    {
        await using var incidents = new SqliteIncidentStore(DatabasePath);
        await incidents.MigrateAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    protected override Task<ICodeIndexStore> NewStoreAsync() => Task.FromResult<ICodeIndexStore>(new SqliteCodeIndexStore(DatabasePath, new ManualClock(T0)));
}
