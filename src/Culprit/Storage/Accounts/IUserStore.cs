namespace Culprit.Storage.Accounts;

/// <summary>
/// Users and their API keys (the <c>users</c> and <c>api_keys</c> tables). Both incident stores implement it.
/// Bad input — a blank or taken user name, an unknown user, a key role above its user's — is an
/// <see cref="ArgumentException"/> with a message meant for the user, and nothing is written.
/// </summary>
public interface IUserStore
{
    Task<UserRecord> CreateUserAsync(string name, UserRole role, string? email = null, CancellationToken cancellationToken = default);

    Task<UserRecord?> GetUserAsync(string id, CancellationToken cancellationToken = default);

    Task<UserRecord?> FindUserByNameAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Every user, disabled ones included, by name.</summary>
    Task<IReadOnlyList<UserRecord>> ListUsersAsync(CancellationToken cancellationToken = default);

    /// <summary>Disables a user (its keys stop verifying); false when there is no such user. Disabling twice keeps the first time.</summary>
    Task<bool> DisableUserAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates an API key for a user and returns its secret — the only time it can be read. <paramref name="role"/>
    /// narrows the user's role for this key; <paramref name="expiresAt"/> ends it.
    /// </summary>
    Task<CreatedApiKey> CreateApiKeyAsync(string userId, string name, UserRole? role = null, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The key whose secret this is, with its user, when it is neither revoked nor expired and its user is not
    /// disabled (its last use is then set to now); null otherwise. Looked up by the secret's hash, so no stored
    /// secret is ever compared character by character.
    /// </summary>
    Task<VerifiedApiKey?> VerifyApiKeyAsync(string secret, CancellationToken cancellationToken = default);

    /// <summary>Revokes a key; false when there is no such key. Revoking twice keeps the first time.</summary>
    Task<bool> RevokeApiKeyAsync(string keyId, CancellationToken cancellationToken = default);

    /// <summary>A user's keys, revoked and expired ones included, oldest first; never their secrets.</summary>
    Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(string userId, CancellationToken cancellationToken = default);
}
