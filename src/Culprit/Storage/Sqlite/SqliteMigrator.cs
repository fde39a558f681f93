using Culprit.Storage.Migrations;
using Microsoft.Data.Sqlite;

namespace Culprit.Storage.Sqlite;

/// <summary>
/// Applies the SQLite migrations inside one <c>BEGIN IMMEDIATE</c> transaction: a second process waits for
/// the first, then finds nothing left to do; a failure leaves the schema as it was.
/// </summary>
internal static class SqliteMigrator
{
    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            checksum   TEXT NOT NULL,
            applied_at INTEGER NOT NULL
        ) STRICT;
        """;

    private const string ForeignTables = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name <> 'schema_migrations' AND name NOT LIKE 'sqlite!_%' ESCAPE '!';";

    public static async Task MigrateAsync(SqliteConnection connection, string path, int target, TimeProvider time, CancellationToken cancellationToken)
    {
        // SQLite's way to let a migration rebuild a table (create, copy, drop, rename): foreign keys off for
        // the transaction (a pragma that cannot change inside one), then checked before the commit.
        await SqliteCommands.ExecuteAsync(connection, "PRAGMA foreign_keys = OFF;", cancellationToken);
        try
        {
            await ApplyAsync(connection, path, target, time, cancellationToken);
        }
        finally
        {
            await SqliteCommands.ExecuteAsync(connection, "PRAGMA foreign_keys = ON;", CancellationToken.None);
        }
    }

    private static async Task ApplyAsync(SqliteConnection connection, string path, int target, TimeProvider time, CancellationToken cancellationToken)
    {
        var migrations = MigrationSet.Sqlite;
        await using var transaction = await SqliteWriteTransaction.BeginAsync(connection, cancellationToken);
        await SqliteCommands.ExecuteAsync(connection, CreateTable, cancellationToken);
        var current = (int)await SqliteCommands.ScalarAsync(connection, "SELECT coalesce(max(version), 0) FROM schema_migrations;", cancellationToken);
        if (current > migrations.Latest)
            throw TooNew(path, current, migrations.Latest);
        if (current == 0 && await SqliteCommands.ScalarAsync(connection, ForeignTables, cancellationToken) > 0)
        {
            throw new StorageException(
                StorageFailureKind.ForeignDatabase,
                path,
                $"{path} is a SQLite database of another application (it has tables but no Culprit schema); Culprit will not add its tables to it. Choose another file.");
        }

        foreach (var migration in migrations.All)
        {
            if (migration.Version <= current || migration.Version > target)
                continue;
            await SqliteCommands.ExecuteAsync(connection, migration.Sql, cancellationToken);
            await SqliteCommands.ExecuteAsync(
                connection,
                "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($version, $name, $checksum, $at);",
                cancellationToken,
                ("$version", migration.Version),
                ("$name", migration.Name),
                ("$checksum", migration.Checksum),
                ("$at", SqliteTime.ToMicros(time.GetUtcNow())));
        }

        if (await SqliteCommands.ScalarAsync(connection, "SELECT count(*) FROM pragma_foreign_key_check;", cancellationToken) > 0)
            throw new InvalidOperationException($"A migration of {path} left rows whose foreign keys point nowhere; it was rolled back.");
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The highest migration applied, 0 for a new file.</summary>
    public static async Task<int> VersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var exists = await SqliteCommands.ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations';", cancellationToken);
        return exists == 0 ? 0 : (int)await SqliteCommands.ScalarAsync(connection, "SELECT coalesce(max(version), 0) FROM schema_migrations;", cancellationToken);
    }

    private static StorageException TooNew(string path, int current, int latest) => new(
        StorageFailureKind.SchemaTooNew,
        path,
        $"The incident database {path} has schema version {current}, newer than this Culprit knows ({latest}); upgrade Culprit to use it.");
}
