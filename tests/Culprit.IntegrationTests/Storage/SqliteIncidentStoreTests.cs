using Culprit.IntegrationTests.Support;
using Culprit.Storage;
using Culprit.Storage.Migrations;
using Culprit.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Culprit.IntegrationTests.Storage;

/// <summary>The contract on a fresh SQLite file per test, plus what only an embedded file can suffer.</summary>
public sealed class SqliteIncidentStoreTests : IncidentStoreContract
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), TestServers.UniqueName("culprit_sqlite"));

    private string DatabasePath => Path.Combine(_folder, ".culprit", "incidents.db");

    protected override int LatestVersion => MigrationSet.Sqlite.Latest;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    protected override IIncidentStore NewStore() => new SqliteIncidentStore(DatabasePath, Clock);

    protected override Task MigrateToAsync(IIncidentStore store, int version) => ((SqliteIncidentStore)store).MigrateToAsync(version);

    protected override Task<int> SchemaVersionAsync(IIncidentStore store) => ((SqliteIncidentStore)store).SchemaVersionAsync();

    protected override async Task ExecuteSqlAsync(string sql)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task<IReadOnlyList<string>> TablesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table';";
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
            tables.Add(reader.GetString(0));
        return tables;
    }

    [Fact]
    public async Task UsesWriteAheadLogging()
    {
        await OpenMigratedAsync();
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task AGarbageFileGivesAClearErrorNamingItAndIsLeftAsItWas()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        var garbage = new byte[8192];
        new Random(7).NextBytes(garbage);
        await File.WriteAllBytesAsync(DatabasePath, garbage);
        var store = Open();

        var onMigrate = await Assert.ThrowsAsync<StorageException>(() => store.MigrateAsync());
        var onList = await Assert.ThrowsAsync<StorageException>(() => store.ListIncidentsAsync(new IncidentFilter()));

        foreach (var error in new[] { onMigrate, onList })
        {
            Assert.Equal(StorageFailureKind.Corrupt, error.Kind);
            Assert.Equal(DatabasePath, error.Location);
            Assert.Contains(DatabasePath, error.Message, StringComparison.Ordinal);
            Assert.Contains("not a SQLite database", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(garbage, await File.ReadAllBytesAsync(DatabasePath));
    }

    [Fact]
    public async Task ADatabaseWithDamagedPagesGivesAClearError()
    {
        var store = await OpenMigratedAsync();
        var builder = new BatchBuilder();
        for (var i = 1; i <= 400; i++)
            builder.Occurrence(FpA, "app.log", i, T0, sample: new string('x', 500));
        await store.CommitAsync(builder.Build());
        await store.DisposeAsync();

        // Keep the header page, overwrite the rest: the file still says SQLite, its tables are gone.
        await using (var file = new FileStream(DatabasePath, FileMode.Open, FileAccess.Write))
        {
            file.Position = 4096;
            var junk = new byte[file.Length - 4096];
            new Random(11).NextBytes(junk);
            await file.WriteAsync(junk);
        }

        var error = await Assert.ThrowsAsync<StorageException>(() => Open().ListIncidentsAsync(new IncidentFilter()));

        Assert.Equal(StorageFailureKind.Corrupt, error.Kind);
        Assert.Contains(DatabasePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFolderThatCannotBeCreatedGivesAClearError()
    {
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, ".culprit"), "a file where the folder should be");

        var error = await Assert.ThrowsAsync<StorageException>(() => Open().MigrateAsync());

        Assert.Equal(StorageFailureKind.Unreachable, error.Kind);
        Assert.Contains(DatabasePath, error.Message, StringComparison.Ordinal);
    }
}
