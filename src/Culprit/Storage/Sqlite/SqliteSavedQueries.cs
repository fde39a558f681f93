using Culprit.Storage.SavedQueries;
using Microsoft.Data.Sqlite;

namespace Culprit.Storage.Sqlite;

/// <summary>Reads and writes the <c>saved_queries</c> table; the unique index on (owner, name) decides duplicates.</summary>
internal static class SqliteSavedQueries
{
    private const string Columns = "id, name, query, owner_id, created_at, updated_at";

    public static async Task<SavedQuery> SaveAsync(SqliteConnection connection, string name, string queryJson, string? ownerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        name = SavedQueryErrors.Name(name);
        queryJson = SavedQueryErrors.Query(queryJson);
        if (ownerId is not null && await SqliteCommands.ScalarAsync(connection, "SELECT count(*) FROM users WHERE id = $id", cancellationToken, ("$id", ownerId)) == 0)
            throw SavedQueryErrors.UnknownOwner(ownerId);
        var query = new SavedQuery(StoreInput.NewId(now), name, queryJson, ownerId, now, now);
        try
        {
            await SqliteCommands.ExecuteAsync(
                connection,
                $"INSERT INTO saved_queries ({Columns}) VALUES ($id, $name, $query, $owner, $at, $at)",
                cancellationToken,
                ("$id", query.Id),
                ("$name", name),
                ("$query", queryJson),
                ("$owner", ownerId),
                ("$at", SqliteTime.ToMicros(now)));
        }
        catch (SqliteException e) when (SqliteConstraints.IsDuplicate(e))
        {
            throw SavedQueryErrors.Taken(name, ownerId);
        }

        return query;
    }

    public static Task<List<SavedQuery>> ListAsync(SqliteConnection connection, string? ownerId, CancellationToken cancellationToken) =>
        ReadAsync(connection, $"SELECT {Columns} FROM saved_queries WHERE owner_id IS $owner ORDER BY name, id", cancellationToken, ("$owner", ownerId));

    public static async Task<SavedQuery?> GetAsync(SqliteConnection connection, string id, CancellationToken cancellationToken) =>
        (await ReadAsync(connection, $"SELECT {Columns} FROM saved_queries WHERE id = $id", cancellationToken, ("$id", id))) is [var query] ? query : null;

    public static async Task<bool> RenameAsync(SqliteConnection connection, string id, string newName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        newName = SavedQueryErrors.Name(newName);
        await using var command = SqliteCommands.Create(
            connection,
            "UPDATE saved_queries SET name = $name, updated_at = $at WHERE id = $id RETURNING owner_id",
            ("$id", id),
            ("$name", newName),
            ("$at", SqliteTime.ToMicros(now)));
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken);
        }
        catch (SqliteException e) when (SqliteConstraints.IsDuplicate(e))
        {
            throw SavedQueryErrors.Taken(newName, (await GetAsync(connection, id, cancellationToken))?.OwnerId);
        }
    }

    public static async Task<bool> DeleteAsync(SqliteConnection connection, string id, CancellationToken cancellationToken)
    {
        await using var command = SqliteCommands.Create(connection, "DELETE FROM saved_queries WHERE id = $id", ("$id", id));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private static async Task<List<SavedQuery>> ReadAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = SqliteCommands.Create(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var queries = new List<SavedQuery>();
        while (await reader.ReadAsync(cancellationToken))
        {
            queries.Add(new SavedQuery(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                SqliteCommands.NullableString(reader, 3),
                SqliteTime.FromMicros(reader.GetInt64(4)),
                SqliteTime.FromMicros(reader.GetInt64(5))));
        }

        return queries;
    }
}
