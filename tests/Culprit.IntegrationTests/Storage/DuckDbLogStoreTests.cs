using Culprit.Storage;
using Culprit.Storage.DuckDb;

namespace Culprit.IntegrationTests.Storage;

/// <summary>The log store contract on a DuckDB file of its own, plus what only the embedded store does.</summary>
public sealed class DuckDbLogStoreTests : LogStoreContract
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "culprit-tests", Guid.NewGuid().ToString("N"));

    private string File => Path.Combine(_directory, "logs.duckdb");

    protected override Task<ILogStore> OpenAsync() => Task.FromResult<ILogStore>(DuckDbLogStore.Open(File));

    protected override Task RemoveAsync()
    {
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task EntriesAndMarksSurviveReopening()
    {
        await Store.AppendAsync([LogRows.Full(5)]);
        await Store.DisposeAsync();

        await using var reopened = DuckDbLogStore.Open(File);
        await reopened.MigrateAsync();
        Assert.Equal(1, await reopened.CountAsync());
        Assert.Equal(5, await reopened.HighWaterMarkAsync("app.log"));
        LogRows.AssertSame(LogRows.Full(5), Assert.Single(await reopened.SearchAsync(new LogQuery())));
    }

    [Fact]
    public void ADamagedFileGivesAnErrorNamingIt()
    {
        var damaged = Path.Combine(_directory, "damaged.duckdb");
        Directory.CreateDirectory(_directory);
        System.IO.File.WriteAllText(damaged, "this is not a database, just text that happens to be here\n" + new string('x', 10_000));

        var error = Assert.Throws<InvalidDataException>(() => DuckDbLogStore.Open(damaged));
        Assert.Contains(damaged, error.Message, StringComparison.Ordinal);
        Assert.Equal("this is not a database", System.IO.File.ReadAllText(damaged)[..22]);
    }
}
