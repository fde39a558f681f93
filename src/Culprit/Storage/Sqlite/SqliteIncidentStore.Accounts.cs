using Culprit.Storage.Accounts;

namespace Culprit.Storage.Sqlite;

/// <summary>Users, API keys and the audit log, in the same file as the incidents.</summary>
public sealed partial class SqliteIncidentStore : IUserStore, IAuditLog
{
    public Task<UserRecord> CreateUserAsync(string name, UserRole role, string? email = null, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => SqliteUsers.CreateAsync(connection, name, role, email, _time.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<UserRecord?> GetUserAsync(string id, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => SqliteUsers.GetAsync(connection, "id", id, cancellationToken), cancellationToken);

    public Task<UserRecord?> FindUserByNameAsync(string name, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => SqliteUsers.GetAsync(connection, "name", name, cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<UserRecord>> ListUsersAsync(CancellationToken cancellationToken = default) =>
        await _database.RunAsync(connection => SqliteUsers.ListAsync(connection, cancellationToken), cancellationToken);

    public Task<bool> DisableUserAsync(string id, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => SqliteUsers.DisableAsync(connection, id, _time.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<CreatedApiKey> CreateApiKeyAsync(string userId, string name, UserRole? role = null, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => SqliteApiKeys.CreateAsync(connection, userId, name, role, expiresAt, _time.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<VerifiedApiKey?> VerifyApiKeyAsync(string secret, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => SqliteApiKeys.VerifyAsync(connection, secret, _time.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<bool> RevokeApiKeyAsync(string keyId, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => SqliteApiKeys.RevokeAsync(connection, keyId, _time.GetUtcNow(), cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(string userId, CancellationToken cancellationToken = default) =>
        await _database.RunAsync(connection => SqliteApiKeys.ListAsync(connection, userId, cancellationToken), cancellationToken);

    public Task<AuditEntry> AppendAuditAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => SqliteAuditLog.AppendAsync(connection, auditEvent, _time.GetUtcNow(), cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<AuditEntry>> ListAuditAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
        await _database.RunAsync(connection => SqliteAuditLog.ListAsync(connection, query, cancellationToken), cancellationToken);
}
