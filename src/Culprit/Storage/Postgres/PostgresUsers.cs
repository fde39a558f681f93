using Culprit.Storage.Accounts;
using Npgsql;

namespace Culprit.Storage.Postgres;

/// <summary>Reads and writes the <c>users</c> table.</summary>
internal static class PostgresUsers
{
    public const string Columns = "id, name, email, role, created_at, disabled_at";

    public static async Task<UserRecord> CreateAsync(NpgsqlConnection connection, string name, UserRole role, string? email, DateTimeOffset now, CancellationToken cancellationToken)
    {
        name = AccountErrors.UserName(name);
        var roleText = UserRoles.ToText(role);
        var user = new UserRecord(StoreInput.NewId(now), name, StoreInput.Optional(email), role, now, null);
        try
        {
            await PostgresCommands.ExecuteAsync(
                connection,
                $"INSERT INTO users ({Columns}) VALUES ($1, $2, $3, $4, $5, NULL)",
                cancellationToken,
                PgParameters.Text(user.Id),
                PgParameters.Text(name),
                PgParameters.Text(user.Email),
                PgParameters.Text(roleText),
                PgParameters.Time(now));
        }
        catch (PostgresException e) when (PostgresCommands.IsDuplicate(e))
        {
            throw AccountErrors.NameTaken(name);
        }

        return user;
    }

    public static async Task<UserRecord?> GetAsync(NpgsqlConnection connection, string column, string value, CancellationToken cancellationToken) =>
        (await ReadAsync(connection, $"SELECT {Columns} FROM users WHERE {column} = $1", cancellationToken, PgParameters.Text(value))) is [var user] ? user : null;

    public static Task<List<UserRecord>> ListAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        ReadAsync(connection, $"SELECT {Columns} FROM users ORDER BY name COLLATE \"C\"", cancellationToken);

    public static async Task<bool> DisableAsync(NpgsqlConnection connection, string id, DateTimeOffset now, CancellationToken cancellationToken) =>
        await PostgresCommands.ExecuteAsync(
            connection,
            "UPDATE users SET disabled_at = coalesce(disabled_at, $2) WHERE id = $1",
            cancellationToken,
            PgParameters.Text(id),
            PgParameters.Time(now)) > 0;

    private static async Task<List<UserRecord>> ReadAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = PostgresCommands.Create(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<UserRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(new UserRecord(
                reader.GetString(0),
                reader.GetString(1),
                PostgresCommands.NullableString(reader, 2),
                AccountErrors.ReadRole(reader.GetString(3)),
                PostgresCommands.Time(reader, 4),
                PostgresCommands.NullableTime(reader, 5)));
        }

        return users;
    }
}
