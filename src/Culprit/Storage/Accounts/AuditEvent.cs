namespace Culprit.Storage.Accounts;

/// <summary>
/// Something done that the audit log keeps: who (<see cref="Actor"/>, a user or key id), what
/// (<see cref="Action"/>, e.g. <c>incident.status</c>), on what (<see cref="TargetKind"/> and <see cref="TargetId"/>),
/// details as a JSON value, and from which client address.
/// </summary>
public sealed record AuditEvent(string? Actor, string Action, string? TargetKind = null, string? TargetId = null, string? DetailsJson = null, string? ClientIp = null);
