using System.Security.Cryptography;
using Culprit.Storage.Accounts;
using Npgsql;

namespace Culprit.Storage.Postgres;

/// <summary>Reads and writes the <c>api_keys</c> table: only a SHA-256 of each secret is stored, and keys are found by it.</summary>
internal static class PostgresApiKeys
{
    private const string Columns = "id, user_id, name, prefix, role, created_at, last_used_at, expires_at, revoked_at, key_hash";

    public static async Task<CreatedApiKey> CreateAsync(
        NpgsqlConnection connection, string userId, string name, UserRole? role, DateTimeOffset? expiresAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var user = await PostgresUsers.GetAsync(connection, "id", userId, cancellationToken);
        var created = ApiKeyDrafts.Create(user, userId, name, role, expiresAt, now);
        var (key, secret) = (created.Key, created.Secret);
        var roleText = role is { } r ? UserRoles.ToText(r) : null;
        await PostgresCommands.ExecuteAsync(
            connection,
            $"INSERT INTO api_keys ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, NULL, $7, NULL, $8)",
            cancellationToken,
            PgParameters.Text(key.Id),
            PgParameters.Text(userId),
            PgParameters.Text(key.Name),
            PgParameters.Text(key.Prefix),
            PgParameters.Text(roleText),
            PgParameters.Time(now),
            PgParameters.Time(expiresAt),
            PgParameters.Bytea(ApiKeySecrets.Hash(secret)));
        return created;
    }

    public static async Task<VerifiedApiKey?> VerifyAsync(NpgsqlConnection connection, string secret, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(secret))
            return null;
        var hash = ApiKeySecrets.Hash(secret);
        ApiKeyRecord key;
        await using (var command = PostgresCommands.Create(
            connection,
            $"""
            UPDATE api_keys SET last_used_at = $2
            WHERE key_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)
              AND user_id IN (SELECT id FROM users WHERE disabled_at IS NULL)
            RETURNING {Columns}
            """,
            PgParameters.Bytea(hash),
            PgParameters.Time(now)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken) || !CryptographicOperations.FixedTimeEquals(hash, reader.GetFieldValue<byte[]>(9)))
                return null;
            key = Read(reader);
        }

        var user = await PostgresUsers.GetAsync(connection, "id", key.UserId, cancellationToken);
        return user is null ? null : new VerifiedApiKey(key, user);
    }

    public static async Task<bool> RevokeAsync(NpgsqlConnection connection, string keyId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await PostgresCommands.ExecuteAsync(
            connection,
            "UPDATE api_keys SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1",
            cancellationToken,
            PgParameters.Text(keyId),
            PgParameters.Time(now)) > 0;

    public static async Task<List<ApiKeyRecord>> ListAsync(NpgsqlConnection connection, string userId, CancellationToken cancellationToken)
    {
        await using var command = PostgresCommands.Create(connection, $"SELECT {Columns} FROM api_keys WHERE user_id = $1 ORDER BY created_at, id", PgParameters.Text(userId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<ApiKeyRecord>();
        while (await reader.ReadAsync(cancellationToken))
            keys.Add(Read(reader));
        return keys;
    }

    private static ApiKeyRecord Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.IsDBNull(4) ? null : AccountErrors.ReadRole(reader.GetString(4)),
        PostgresCommands.Time(reader, 5),
        PostgresCommands.NullableTime(reader, 6),
        PostgresCommands.NullableTime(reader, 7),
        PostgresCommands.NullableTime(reader, 8));
}
