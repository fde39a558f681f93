using Culprit.Storage.Migrations;
using Npgsql;

namespace Culprit.Storage.Postgres;

/// <summary>
/// Applies the PostgreSQL migrations in one transaction holding an advisory lock (per database): a second
/// process waits for the first, then finds nothing left to do; DDL is transactional, so a failure leaves the
/// schema as it was.
/// </summary>
internal static class PostgresMigrator
{
    /// <summary>The advisory lock key: "culprit1" as a 64-bit number; any constant no other tool uses would do.</summary>
    private const long LockKey = 0x63756c7072697431;

    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    integer PRIMARY KEY,
            name       text NOT NULL,
            checksum   text NOT NULL,
            applied_at timestamptz NOT NULL
        );
        """;

    public static async Task MigrateAsync(NpgsqlConnection connection, string location, int target, TimeProvider time, CancellationToken cancellationToken)
    {
        var migrations = MigrationSet.Postgres;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({LockKey});", cancellationToken);
        await ExecuteAsync(connection, CreateTable, cancellationToken);
        var current = await CurrentAsync(connection, cancellationToken);
        if (current > migrations.Latest)
        {
            throw new StorageException(
                StorageFailureKind.SchemaTooNew,
                location,
                $"The PostgreSQL database {location} has schema version {current}, newer than this Culprit knows ({migrations.Latest}); upgrade Culprit to use it.");
        }

        if (current == 0 && await ForeignTablesAsync(connection, cancellationToken))
        {
            throw new StorageException(
                StorageFailureKind.ForeignDatabase,
                location,
                $"The PostgreSQL database {location} holds another application's tables but no Culprit schema; Culprit will not add its tables to it. Use a database of its own (or a schema of its own with Search Path=…).");
        }

        foreach (var migration in migrations.All)
        {
            if (migration.Version <= current || migration.Version > target)
                continue;
            await ExecuteAsync(connection, migration.Sql, cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4);", connection)
            {
                Parameters =
                {
                    PgParameters.Integer(migration.Version),
                    PgParameters.Text(migration.Name),
                    PgParameters.Text(migration.Checksum),
                    PgParameters.Time(time.GetUtcNow()),
                },
            };
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The highest migration applied, 0 for an empty database.</summary>
    public static async Task<int> VersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL;", connection);
        return (bool)(await exists.ExecuteScalarAsync(cancellationToken))! ? await CurrentAsync(connection, cancellationToken) : 0;
    }

    private static async Task<bool> ForeignTablesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations');", connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<int> CurrentAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_migrations;", connection);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
