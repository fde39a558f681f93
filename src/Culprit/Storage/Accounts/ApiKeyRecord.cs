namespace Culprit.Storage.Accounts;

/// <summary>
/// An API key as stored: never its secret, only the short <see cref="Prefix"/> a user recognises it by.
/// <see cref="Role"/> narrows the user's role for this key; null means the user's role.
/// </summary>
public sealed record ApiKeyRecord(
    string Id,
    string UserId,
    string Name,
    string Prefix,
    UserRole? Role,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt);
