using Culprit.Storage.Accounts;
using Microsoft.Data.Sqlite;

namespace Culprit.Storage.Sqlite;

/// <summary>Reads and writes the <c>users</c> table.</summary>
internal static class SqliteUsers
{
    public const string Columns = "id, name, email, role, created_at, disabled_at";

    public static async Task<UserRecord> CreateAsync(SqliteConnection connection, string name, UserRole role, string? email, DateTimeOffset now, CancellationToken cancellationToken)
    {
        name = AccountErrors.UserName(name);
        var roleText = UserRoles.ToText(role);
        var user = new UserRecord(StoreInput.NewId(now), name, StoreInput.Optional(email), role, now, null);
        try
        {
            await SqliteCommands.ExecuteAsync(
                connection,
                $"INSERT INTO users ({Columns}) VALUES ($id, $name, $email, $role, $at, NULL)",
                cancellationToken,
                ("$id", user.Id),
                ("$name", name),
                ("$email", user.Email),
                ("$role", roleText),
                ("$at", SqliteTime.ToMicros(now)));
        }
        catch (SqliteException e) when (SqliteConstraints.IsDuplicate(e))
        {
            throw AccountErrors.NameTaken(name);
        }

        return user;
    }

    public static async Task<UserRecord?> GetAsync(SqliteConnection connection, string column, string value, CancellationToken cancellationToken) =>
        (await ReadAsync(connection, $"SELECT {Columns} FROM users WHERE {column} = $value", cancellationToken, ("$value", value))) is [var user] ? user : null;

    public static Task<List<UserRecord>> ListAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        ReadAsync(connection, $"SELECT {Columns} FROM users ORDER BY name", cancellationToken);

    public static async Task<bool> DisableAsync(SqliteConnection connection, string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = SqliteCommands.Create(
            connection,
            "UPDATE users SET disabled_at = coalesce(disabled_at, $at) WHERE id = $id",
            ("$id", id),
            ("$at", SqliteTime.ToMicros(now)));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Reads a user from <paramref name="first"/> on: the columns of <see cref="Columns"/> in that order.</summary>
    public static UserRecord Read(SqliteDataReader reader, int first) => new(
        reader.GetString(first),
        reader.GetString(first + 1),
        SqliteCommands.NullableString(reader, first + 2),
        AccountErrors.ReadRole(reader.GetString(first + 3)),
        SqliteTime.FromMicros(reader.GetInt64(first + 4)),
        SqliteCommands.NullableTime(reader, first + 5));

    private static async Task<List<UserRecord>> ReadAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = SqliteCommands.Create(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<UserRecord>();
        while (await reader.ReadAsync(cancellationToken))
            users.Add(Read(reader, 0));
        return users;
    }
}
