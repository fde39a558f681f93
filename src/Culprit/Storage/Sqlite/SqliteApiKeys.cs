using System.Security.Cryptography;
using Culprit.Storage.Accounts;
using Microsoft.Data.Sqlite;

namespace Culprit.Storage.Sqlite;

/// <summary>Reads and writes the <c>api_keys</c> table: only a SHA-256 of each secret is stored, and keys are found by it.</summary>
internal static class SqliteApiKeys
{
    private const string Columns = "id, user_id, name, prefix, role, created_at, last_used_at, expires_at, revoked_at, key_hash";

    public static async Task<CreatedApiKey> CreateAsync(
        SqliteConnection connection, string userId, string name, UserRole? role, DateTimeOffset? expiresAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var user = await SqliteUsers.GetAsync(connection, "id", userId, cancellationToken);
        var created = ApiKeyDrafts.Create(user, userId, name, role, expiresAt, now);
        var (key, secret) = (created.Key, created.Secret);
        var roleText = role is { } r ? UserRoles.ToText(r) : null;
        await SqliteCommands.ExecuteAsync(
            connection,
            $"INSERT INTO api_keys ({Columns}) VALUES ($id, $user, $name, $prefix, $role, $at, NULL, $expires, NULL, $hash)",
            cancellationToken,
            ("$id", key.Id),
            ("$user", userId),
            ("$name", key.Name),
            ("$prefix", key.Prefix),
            ("$role", roleText),
            ("$at", SqliteTime.ToMicros(now)),
            ("$expires", SqliteTime.ToDb(expiresAt)),
            ("$hash", ApiKeySecrets.Hash(secret)));
        return created;
    }

    public static async Task<VerifiedApiKey?> VerifyAsync(SqliteConnection connection, string secret, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(secret))
            return null;
        var hash = ApiKeySecrets.Hash(secret);
        ApiKeyRecord key;
        await using (var command = SqliteCommands.Create(
            connection,
            $"""
            UPDATE api_keys SET last_used_at = $now
            WHERE key_hash = $hash AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $now)
              AND user_id IN (SELECT id FROM users WHERE disabled_at IS NULL)
            RETURNING {Columns}
            """,
            ("$hash", hash),
            ("$now", SqliteTime.ToMicros(now))))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken) || !CryptographicOperations.FixedTimeEquals(hash, (byte[])reader.GetValue(9)))
                return null;
            key = Read(reader);
        }

        var user = await SqliteUsers.GetAsync(connection, "id", key.UserId, cancellationToken);
        return user is null ? null : new VerifiedApiKey(key, user);
    }

    public static async Task<bool> RevokeAsync(SqliteConnection connection, string keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = SqliteCommands.Create(
            connection,
            "UPDATE api_keys SET revoked_at = coalesce(revoked_at, $at) WHERE id = $id",
            ("$id", keyId),
            ("$at", SqliteTime.ToMicros(now)));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public static async Task<List<ApiKeyRecord>> ListAsync(SqliteConnection connection, string userId, CancellationToken cancellationToken)
    {
        await using var command = SqliteCommands.Create(connection, $"SELECT {Columns} FROM api_keys WHERE user_id = $user ORDER BY created_at, id", ("$user", userId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<ApiKeyRecord>();
        while (await reader.ReadAsync(cancellationToken))
            keys.Add(Read(reader));
        return keys;
    }

    private static ApiKeyRecord Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.IsDBNull(4) ? null : AccountErrors.ReadRole(reader.GetString(4)),
        SqliteTime.FromMicros(reader.GetInt64(5)),
        SqliteCommands.NullableTime(reader, 6),
        SqliteCommands.NullableTime(reader, 7),
        SqliteCommands.NullableTime(reader, 8));
}
