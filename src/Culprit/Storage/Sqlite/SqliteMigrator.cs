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

    public static async Task MigrateAsync(SqliteConnection connection, string path, int target, TimeProvider time, CancellationToken cancellationToken)
    {
        var migrations = MigrationSet.Sqlite;
        await using var transaction = await SqliteWriteTransaction.BeginAsync(connection, cancellationToken);
        await SqliteCommands.ExecuteAsync(connection, CreateTable, cancellationToken);
        var current = (int)await SqliteCommands.ScalarAsync(connection, "SELECT coalesce(max(version), 0) FROM schema_migrations;", cancellationToken);
        if (current > migrations.Latest)
            throw TooNew(path, current, migrations.Latest);

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
