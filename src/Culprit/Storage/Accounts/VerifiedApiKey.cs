namespace Culprit.Storage.Accounts;

/// <summary>Who a presented API key belongs to and the role it grants (the key's role, or its user's).</summary>
public sealed record VerifiedApiKey(ApiKeyRecord Key, UserRecord User)
{
    public UserRole Role => Key.Role ?? User.Role;
}
