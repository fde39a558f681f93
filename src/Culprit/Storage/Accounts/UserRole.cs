namespace Culprit.Storage.Accounts;

/// <summary>What a user or API key may do, each role including the one before: read, then analyse and triage, then administer.</summary>
public enum UserRole
{
    Viewer,
    Analyst,
    Admin,
}
