using Culprit.Storage;
using Culprit.Storage.DuckDb;

namespace Culprit.Tests.Storage;

public sealed class LazyLogStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("culprit-lazy-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task NothingIsOpenedUntilFirstUseThenItIsMigrated()
    {
        var path = Path.Combine(_dir, "logs.duckdb");
        var opened = 0;
        await using var store = new LazyLogStore(() =>
        {
            opened++;
            return DuckDbLogStore.Open(path);
        });
        await store.MigrateAsync();
        Assert.Equal(0, opened);
        Assert.False(File.Exists(path));

        await store.AppendAsync([new LogRow { Source = "a.log", Line = 1, Message = "hello" }]);
        Assert.Equal(1, opened);
        Assert.Equal(1, await store.CountAsync());
        Assert.Equal(1, await store.HighWaterMarkAsync("a.log"));
        Assert.Equal(1, opened);
    }
}
