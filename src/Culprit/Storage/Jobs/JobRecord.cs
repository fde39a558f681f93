namespace Culprit.Storage.Jobs;

/// <summary>
/// A stored job. <see cref="Attempts"/> counts leases taken (a lease that expires counts as an attempt);
/// <see cref="LeaseOwner"/> and <see cref="LeaseExpiresAt"/> are set while it runs.
/// </summary>
public sealed record JobRecord(
    string Id,
    string Kind,
    string PayloadJson,
    string? DedupeKey,
    JobStatus Status,
    int Priority,
    DateTimeOffset RunAfter,
    string? LeaseOwner,
    DateTimeOffset? LeaseExpiresAt,
    int Attempts,
    int MaxAttempts,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt);
