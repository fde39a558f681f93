namespace Culprit.Storage.Jobs;

/// <summary>
/// The work queue of scale-out workers (the <c>jobs</c> table). A worker leases a job for a while, extends the
/// lease while it works, then completes or fails it; a lease that runs out lets another worker take the job
/// over. On PostgreSQL any number of processes lease at once (<c>FOR UPDATE SKIP LOCKED</c>) and never get the
/// same job; on SQLite leases are taken one at a time in a write transaction. Both incident stores implement it.
/// Only the current lease owner can extend, complete or fail a job; the others get false or null.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "It is a queue: the jobs table read in order.")]
public interface IJobQueue
{
    /// <summary>Queues a job; with a dedupe key that a queued or running job already has, returns that job instead.</summary>
    Task<EnqueuedJob> EnqueueAsync(JobRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Leases the next job (highest priority, then oldest run-after) that is queued and due, or running on a lease
    /// that has expired and has attempts left; counts an attempt. Null when there is none. <paramref name="kinds"/>
    /// limits it to those kinds.
    /// </summary>
    Task<JobRecord?> LeaseAsync(string owner, TimeSpan leaseFor, IReadOnlyCollection<string>? kinds = null, CancellationToken cancellationToken = default);

    /// <summary>Extends the lease to now + <paramref name="leaseFor"/>; false when <paramref name="owner"/> no longer holds it.</summary>
    Task<bool> HeartbeatAsync(string jobId, string owner, TimeSpan leaseFor, CancellationToken cancellationToken = default);

    /// <summary>Marks the job done; false when <paramref name="owner"/> no longer holds it.</summary>
    Task<bool> CompleteAsync(string jobId, string owner, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a failed attempt: the job is queued again after <paramref name="retryAfter"/> (default
    /// <see cref="JobRetry.Backoff"/>) or, with no attempts left, failed for good. Returns the new status, null when
    /// <paramref name="owner"/> no longer holds the lease.
    /// </summary>
    Task<JobStatus?> FailAsync(string jobId, string owner, string error, TimeSpan? retryAfter = null, CancellationToken cancellationToken = default);

    /// <summary>Cancels a job that is queued (not one that runs); false otherwise.</summary>
    Task<bool> CancelAsync(string jobId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns jobs whose lease expired to the queue (due now), or fails them when they have no attempts left;
    /// returns how many it changed. Leasing takes over expired jobs by itself; this sweep frees their dedupe
    /// keys and ends the ones out of attempts.
    /// </summary>
    Task<int> RequeueExpiredAsync(CancellationToken cancellationToken = default);

    Task<JobRecord?> GetJobAsync(string id, CancellationToken cancellationToken = default);
}
