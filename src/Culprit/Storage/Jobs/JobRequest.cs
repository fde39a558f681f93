namespace Culprit.Storage.Jobs;

/// <summary>
/// Work to queue: its <see cref="Kind"/> (what a worker does, e.g. <c>rca</c>), a JSON payload, and optionally a
/// <see cref="DedupeKey"/> (at most one queued or running job per key, e.g. <c>rca:&lt;incident&gt;:&lt;version&gt;</c>),
/// a priority (higher first), a time before which it must not run, and how many attempts it gets.
/// </summary>
public sealed record JobRequest(string Kind, string PayloadJson, string? DedupeKey = null, int Priority = 0, DateTimeOffset? RunAfter = null, int MaxAttempts = 5);
