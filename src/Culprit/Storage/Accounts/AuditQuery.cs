namespace Culprit.Storage.Accounts;

/// <summary>Which audit entries to read: from <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive), of one actor, at most <see cref="Limit"/>.</summary>
public sealed record AuditQuery(DateTimeOffset? From = null, DateTimeOffset? To = null, string? Actor = null, int Limit = 1000);
