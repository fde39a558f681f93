using Culprit.Storage.Jobs;

namespace Culprit.Storage.Sqlite;

/// <summary>The job queue, in the same file as the incidents.</summary>
public sealed partial class SqliteIncidentStore : IJobQueue
{
    public Task<EnqueuedJob> EnqueueAsync(JobRequest request, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => SqliteJobs.EnqueueAsync(connection, request, _time.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<JobRecord?> LeaseAsync(string owner, TimeSpan leaseFor, IReadOnlyCollection<string>? kinds = null, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => SqliteJobs.LeaseAsync(connection, owner, leaseFor, kinds, _time.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<bool> HeartbeatAsync(string jobId, string owner, TimeSpan leaseFor, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => SqliteJobs.HeartbeatAsync(connection, jobId, owner, leaseFor, _time.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<bool> CompleteAsync(string jobId, string owner, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => SqliteJobs.CompleteAsync(connection, jobId, owner, _time.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<JobStatus?> FailAsync(string jobId, string owner, string error, TimeSpan? retryAfter = null, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => SqliteJobs.FailAsync(connection, jobId, owner, error, retryAfter, _time.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<bool> CancelAsync(string jobId, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => SqliteJobs.CancelAsync(connection, jobId, _time.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<int> RequeueExpiredAsync(CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => SqliteJobs.RequeueExpiredAsync(connection, _time.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<JobRecord?> GetJobAsync(string id, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => SqliteJobs.GetAsync(connection, id, cancellationToken), cancellationToken);
}
