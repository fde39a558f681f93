namespace Culprit.Storage.Accounts;

/// <summary>A new API key and its secret: the only time the secret is available, since only its hash is stored.</summary>
public sealed record CreatedApiKey(ApiKeyRecord Key, string Secret);
