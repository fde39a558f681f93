namespace Culprit.Storage.Accounts;

/// <summary>A user of the server; a disabled user keeps its history but its API keys no longer verify.</summary>
public sealed record UserRecord(string Id, string Name, string? Email, UserRole Role, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt)
{
    public bool IsDisabled => DisabledAt is not null;
}
