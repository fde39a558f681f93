namespace Culprit.Storage.Accounts;

/// <summary>What both stores do before inserting an API key: check its owner and role, and make the key and secret.</summary>
internal static class ApiKeyDrafts
{
    /// <summary>The key to insert for <paramref name="user"/> (null when no such user), or the reason it cannot have one.</summary>
    public static CreatedApiKey Create(UserRecord? user, string userId, string name, UserRole? role, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        name = AccountErrors.KeyName(name);
        if (user is null)
            throw AccountErrors.UnknownUser(userId);
        if (user.IsDisabled)
            throw AccountErrors.DisabledUser(user);
        if (role > user.Role)
            throw AccountErrors.RoleAboveUser(role.Value, user);
        var secret = ApiKeySecrets.Generate();
        return new CreatedApiKey(new ApiKeyRecord(StoreInput.NewId(now), userId, name, ApiKeySecrets.Prefix(secret), role, now, null, expiresAt, null), secret);
    }
}
