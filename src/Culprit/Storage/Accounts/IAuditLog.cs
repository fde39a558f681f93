namespace Culprit.Storage.Accounts;

/// <summary>
/// The append-only audit log (the <c>audit_log</c> table). Both incident stores implement it. A blank action or
/// details that are not JSON are an <see cref="ArgumentException"/>, and nothing is written.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends an entry stamped with the store's clock and returns it.</summary>
    Task<AuditEntry> AppendAuditAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);

    /// <summary>Entries matching the query, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAuditAsync(AuditQuery query, CancellationToken cancellationToken = default);
}
