using Microsoft.Data.Sqlite;

namespace Culprit.Storage.Sqlite;

/// <summary>
/// <c>BEGIN IMMEDIATE</c>: takes the database's write lock at the start (waiting up to the busy timeout), so
/// a transaction never fails halfway because another writer got there first. Rolled back unless committed.
/// </summary>
internal sealed class SqliteWriteTransaction : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private bool _finished;

    private SqliteWriteTransaction(SqliteConnection connection) => _connection = connection;

    public static async Task<SqliteWriteTransaction> BeginAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await SqliteCommands.ExecuteAsync(connection, "BEGIN IMMEDIATE;", cancellationToken);
        return new SqliteWriteTransaction(connection);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await SqliteCommands.ExecuteAsync(_connection, "COMMIT;", cancellationToken);
        _finished = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_finished)
            return;
        _finished = true;
        try
        {
            await SqliteCommands.ExecuteAsync(_connection, "ROLLBACK;", CancellationToken.None);
        }
        catch (SqliteException)
        {
            // SQLite already rolled back (it does on some errors); nothing is left open.
        }
    }
}
