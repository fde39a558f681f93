using Culprit.IntegrationTests.Support;
using Culprit.Storage;
using Culprit.Storage.ClickHouse;

namespace Culprit.IntegrationTests.Storage;

/// <summary>The log store contract on the ClickHouse server, each test in a database of its own.</summary>
public sealed class ClickHouseLogStoreTests : LogStoreContract, IDisposable
{
    private readonly ClickHouseHttpClient _client = new(TestServers.ClickHouse);
    private readonly string _database = TestServers.UniqueName("logs");

    protected override Task<ILogStore> OpenAsync() => Task.FromResult<ILogStore>(new ClickHouseLogStore(_client, _database));

    protected override Task RemoveAsync() => _client.ExecuteAsync($"DROP DATABASE IF EXISTS {ClickHouseSql.Identifier(_database)}");

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task MigrationsAreRecordedOnce()
    {
        await Store.MigrateAsync();
        Assert.Equal(1, await _client.ScalarAsync($"SELECT count() FROM {ClickHouseSql.Identifier(_database)}.log_store_migrations"));
        Assert.Equal(1, await _client.ScalarAsync($"SELECT max(version) FROM {ClickHouseSql.Identifier(_database)}.log_store_migrations"));
    }

    [Fact]
    public async Task AnUnreachableServerIsNamedInTheError()
    {
        using var nowhere = new ClickHouseHttpClient(new Uri("http://127.0.0.1:9/"));
        var store = new ClickHouseLogStore(nowhere, _database);
        var error = await Assert.ThrowsAsync<ClickHouseException>(() => store.MigrateAsync());
        Assert.Contains("http://127.0.0.1:9/", error.Message, StringComparison.Ordinal);
        Assert.Contains("unreachable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedStatementCarriesTheServersCode()
    {
        var error = await Assert.ThrowsAsync<ClickHouseException>(() => _client.ExecuteAsync("SELECT no_such_function()"));
        Assert.Equal(46, error.Code);
        Assert.Contains(TestServers.ClickHouse.ToString(), error.Message, StringComparison.Ordinal);
    }
}
