using Culprit.Storage;
using Culprit.Storage.DuckDb;
using DuckDB.NET.Data;

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
    public async Task AVersionOneFileIsUpgradedWithItsEntriesKept()
    {
        await Store.DisposeAsync();
        var old = Path.Combine(_directory, "v1.duckdb");
        using (var connection = new DuckDBConnection("DataSource=" + old))
        {
            connection.Open();
            void Execute(string sql)
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.ExecuteNonQuery();
            }

            Execute("CREATE TABLE log_store_migrations (version INTEGER PRIMARY KEY, description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)");
            foreach (var statement in DuckDbLogSchema.Migrations[0].Statements)
                Execute(statement);
            Execute("INSERT INTO log_store_migrations VALUES (1, 'v1', now()::TIMESTAMP)");
            // The full row as version 1 stored it (text in every column), and a bare one with the optional text missing.
            Execute("""
                INSERT INTO log_entries VALUES
                ('app.log', 5, 8, 4242, '2026-03-01 10:00:00.123', 5, 'checkout', 'prod', '1.4.2', '0123456789abcdef0123456789abcdef01234567',
                 'com.shop.Checkout', 'http-nio-8080-exec-3', 'payment failed for order 42', 't-17', '["42","EUR"]', 'java.lang.IllegalStateException',
                 '{"type":"java.lang.IllegalStateException","frames":[]}', 'inc-1', 'src/main/java/com/shop/Checkout.java', 'Checkout.pay',
                 '{"user":"u-7","amount":"12.50"}', 'trace-1', 'span-1', 'req-1', 'logback', 'cut at 1 MiB'),
                ('app.log', 6, 6, 600, '2026-03-01 10:00:00', 3, NULL, NULL, NULL, NULL, NULL, NULL, 'hello', NULL, NULL, NULL,
                 NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'plain', NULL)
                """);
            Execute("INSERT INTO log_sources VALUES ('app.log', 6)");
        }

        await using var upgraded = DuckDbLogStore.Open(old);
        await upgraded.MigrateAsync();
        Assert.Equal(2, await upgraded.CountAsync());
        Assert.Equal(6, await upgraded.HighWaterMarkAsync("app.log"));
        var found = await upgraded.SearchAsync(new LogQuery());
        Assert.Equal(2, found.Count);
        LogRows.AssertSame(LogRows.Full(5), found.Single(r => r.Line == 5));
        LogRows.AssertSame(LogRows.Row(6), found.Single(r => r.Line == 6));
        Assert.Equal([new IncidentCount("inc-1", 1)], await upgraded.TopIncidentsAsync(new LogQuery()));

        // New entries reuse the upgraded text's ids and add their own.
        await upgraded.AppendAsync([LogRows.Full(7), LogRows.Full(8) with { Service = "payments", IncidentId = "inc-2" }]);
        Assert.Equal(2, (await upgraded.SearchAsync(new LogQuery { Service = "checkout" })).Count);
        Assert.Equal(
            [new IncidentCount("inc-1", 2), new IncidentCount("inc-2", 1)],
            await upgraded.TopIncidentsAsync(new LogQuery()));
    }

    [Fact]
    public async Task TextOfAFailedAppendIsNotReferredToByTheNextOne()
    {
        await Store.AppendAsync([LogRows.Full(1)]);
        using var cancelling = new CancellationTokenSource();
        // Cancelled inside the transaction, while the rows are read: the new service got an id, then the rows were rolled back.
        var rows = new CancellingRows([LogRows.Full(2) with { Service = "refunds" }, LogRows.Full(3)], cancelling);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.AppendAsync(rows, cancelling.Token));
        await Store.AppendAsync([LogRows.Full(3) with { Service = "refunds" }, LogRows.Full(4) with { Service = "ledger" }]);

        Assert.Equal(3, await Store.CountAsync());
        Assert.Equal([3L], (await Store.SearchAsync(new LogQuery { Service = "refunds" })).Select(r => r.Line));
        Assert.Equal([4L], (await Store.SearchAsync(new LogQuery { Service = "ledger" })).Select(r => r.Line));
        Assert.Equal(4, await Store.HighWaterMarkAsync("app.log"));
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

    /// <summary>Rows that cancel the append when its second row is read.</summary>
    private sealed class CancellingRows(IReadOnlyList<LogRow> rows, CancellationTokenSource cancel) : IReadOnlyList<LogRow>
    {
        public int Count => rows.Count;

        public LogRow this[int index]
        {
            get
            {
                if (index == 1)
                    cancel.Cancel();
                return rows[index];
            }
        }

        public IEnumerator<LogRow> GetEnumerator() => rows.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
