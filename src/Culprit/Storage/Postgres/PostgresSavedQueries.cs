using Culprit.Storage.SavedQueries;
using Npgsql;

namespace Culprit.Storage.Postgres;

/// <summary>Reads and writes the <c>saved_queries</c> table; the unique index on (owner, name) decides duplicates.</summary>
internal static class PostgresSavedQueries
{
    private const string Columns = "id, name, query::text, owner_id, created_at, updated_at";

    public static async Task<SavedQuery> SaveAsync(NpgsqlConnection connection, string name, string queryJson, string? ownerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        name = SavedQueryErrors.Name(name);
        queryJson = SavedQueryErrors.Query(queryJson);
        var id = StoreInput.NewId(now);
        try
        {
            var saved = await ReadAsync(
                connection,
                $"""
                INSERT INTO saved_queries (id, name, query, owner_id, created_at, updated_at)
                SELECT $1, $2, $3::jsonb, $4, $5, $5 WHERE $4::text IS NULL OR EXISTS (SELECT 1 FROM users WHERE id = $4)
                RETURNING {Columns}
                """,
                cancellationToken,
                PgParameters.Text(id),
                PgParameters.Text(name),
                PgParameters.Text(queryJson),
                PgParameters.Text(ownerId),
                PgParameters.Time(now));
            return saved.Count > 0 ? saved[0] : throw SavedQueryErrors.UnknownOwner(ownerId!);
        }
        catch (PostgresException e) when (PostgresCommands.IsDuplicate(e))
        {
            throw SavedQueryErrors.Taken(name, ownerId);
        }
    }

    public static Task<List<SavedQuery>> ListAsync(NpgsqlConnection connection, string? ownerId, CancellationToken cancellationToken) =>
        ReadAsync(connection, $"SELECT {Columns} FROM saved_queries WHERE owner_id IS NOT DISTINCT FROM $1 ORDER BY name COLLATE \"C\", id", cancellationToken, PgParameters.Text(ownerId));

    public static async Task<SavedQuery?> GetAsync(NpgsqlConnection connection, string id, CancellationToken cancellationToken) =>
        (await ReadAsync(connection, $"SELECT {Columns} FROM saved_queries WHERE id = $1", cancellationToken, PgParameters.Text(id))) is [var query] ? query : null;

    public static async Task<bool> RenameAsync(NpgsqlConnection connection, string id, string newName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        newName = SavedQueryErrors.Name(newName);
        try
        {
            return await PostgresCommands.ExecuteAsync(
                connection,
                "UPDATE saved_queries SET name = $2, updated_at = $3 WHERE id = $1",
                cancellationToken,
                PgParameters.Text(id),
                PgParameters.Text(newName),
                PgParameters.Time(now)) > 0;
        }
        catch (PostgresException e) when (PostgresCommands.IsDuplicate(e))
        {
            throw SavedQueryErrors.Taken(newName, (await GetAsync(connection, id, cancellationToken))?.OwnerId);
        }
    }

    public static async Task<bool> DeleteAsync(NpgsqlConnection connection, string id, CancellationToken cancellationToken) =>
        await PostgresCommands.ExecuteAsync(connection, "DELETE FROM saved_queries WHERE id = $1", cancellationToken, PgParameters.Text(id)) > 0;

    private static async Task<List<SavedQuery>> ReadAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = PostgresCommands.Create(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var queries = new List<SavedQuery>();
        while (await reader.ReadAsync(cancellationToken))
        {
            queries.Add(new SavedQuery(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                PostgresCommands.NullableString(reader, 3),
                PostgresCommands.Time(reader, 4),
                PostgresCommands.Time(reader, 5)));
        }

        return queries;
    }
}
