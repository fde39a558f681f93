using Microsoft.Data.Sqlite;

namespace Culprit.Storage.Sqlite;

/// <summary>
/// One SQLite database file: opens pooled connections set up for concurrent use (WAL, busy timeout, foreign
/// keys) and turns the failures a user can meet — a damaged or foreign file, a folder that cannot be written —
/// into a <see cref="StorageException"/> naming the file.
/// </summary>
internal sealed class SqliteDatabase
{
    /// <summary>How long a writer waits for another one (another process, or this one's other connection).</summary>
    private const int BusyTimeoutMs = 30_000;

    private readonly string _connectionString;
    private volatile bool _walChecked;

    public SqliteDatabase(string path)
    {
        FilePath = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = BusyTimeoutMs / 1000,
        }.ToString();
    }

    public string FilePath { get; }

    /// <summary>Runs work on an open connection; a user-facing SQLite failure becomes a <see cref="StorageException"/>.</summary>
    public async Task<T> RunAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await work(connection);
        }
        catch (SqliteException e) when (SqliteFailures.Translate(e, FilePath) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>Closes this file's idle pooled connections, so the WAL is checkpointed and the file released.</summary>
    public void ReleasePool()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        CreateFolder();
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await SqliteCommands.ExecuteAsync(connection, $"PRAGMA busy_timeout = {BusyTimeoutMs}; PRAGMA synchronous = NORMAL;", cancellationToken);
            if (!_walChecked)
            {
                // Persistent in the file; the first statement that reads the header, so a foreign file fails here.
                await SqliteCommands.ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken);
                _walChecked = true;
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private void CreateFolder()
    {
        var folder = System.IO.Path.GetDirectoryName(FilePath);
        if (string.IsNullOrEmpty(folder) || Directory.Exists(folder))
            return;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageException(StorageFailureKind.Unreachable, FilePath, $"Cannot create the folder of the incident database {FilePath}: {e.Message}", e);
        }
    }
}
