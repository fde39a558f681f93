using Culprit.Storage.Jobs;

namespace Culprit.Storage.Postgres;

/// <summary>The job queue, in the same database as the incidents.</summary>
public sealed partial class PostgresIncidentStore : IJobQueue
{
    public Task<EnqueuedJob> EnqueueAsync(JobRequest request, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => PostgresJobs.EnqueueAsync(connection, request, _time.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<JobRecord?> LeaseAsync(string owner, TimeSpan leaseFor, IReadOnlyCollection<string>? kinds = null, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => PostgresJobs.LeaseAsync(connection, owner, leaseFor, kinds, _time.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<bool> HeartbeatAsync(string jobId, string owner, TimeSpan leaseFor, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => PostgresJobs.HeartbeatAsync(connection, jobId, owner, leaseFor, _time.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<bool> CompleteAsync(string jobId, string owner, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => PostgresJobs.CompleteAsync(connection, jobId, owner, _time.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<JobStatus?> FailAsync(string jobId, string owner, string error, TimeSpan? retryAfter = null, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => PostgresJobs.FailAsync(connection, jobId, owner, error, retryAfter, _time.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<bool> CancelAsync(string jobId, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => PostgresJobs.CancelAsync(connection, jobId, _time.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<int> RequeueExpiredAsync(CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => PostgresJobs.RequeueExpiredAsync(connection, _time.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<JobRecord?> GetJobAsync(string id, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => PostgresJobs.GetAsync(connection, id, cancellationToken), cancellationToken);
}
