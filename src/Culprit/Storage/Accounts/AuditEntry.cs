namespace Culprit.Storage.Accounts;

/// <summary>One stored audit log line: its sequence number, when it was written and what happened.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, AuditEvent Event);
