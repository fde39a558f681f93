namespace Culprit.Storage.SavedQueries;

/// <summary>
/// A named search kept for later: <see cref="QueryJson"/> is the query as its client wrote it (filters, text,
/// time window); PostgreSQL hands it back normalised (jsonb), SQLite verbatim. <see cref="OwnerId"/> is a
/// user id, or null for a query everyone shares.
/// </summary>
public sealed record SavedQuery(string Id, string Name, string QueryJson, string? OwnerId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
