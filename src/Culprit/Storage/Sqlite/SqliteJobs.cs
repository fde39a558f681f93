using System.Text.Json;
using Culprit.Storage.Jobs;
using Microsoft.Data.Sqlite;

namespace Culprit.Storage.Sqlite;

/// <summary>
/// The <c>jobs</c> table as a queue. Every change that reads before it writes runs in <c>BEGIN IMMEDIATE</c>, so
/// processes sharing the file take turns; a lease is one <c>UPDATE … RETURNING</c> in such a transaction.
/// </summary>
internal static class SqliteJobs
{
    public const string Columns = """
        id, kind, payload, dedupe_key, status, priority, run_after, lease_owner, lease_expires_at,
        attempts, max_attempts, last_error, created_at, updated_at, finished_at
        """;

    private const string Pending = "status IN ('queued', 'running')";

    public static async Task<EnqueuedJob> EnqueueAsync(SqliteConnection connection, JobRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        JobRetry.CheckRequest(request);
        await using var transaction = await SqliteWriteTransaction.BeginAsync(connection, cancellationToken);
        if (request.DedupeKey is not null)
        {
            await using var find = SqliteCommands.Create(connection, $"SELECT id FROM jobs WHERE dedupe_key = $key AND {Pending}", ("$key", request.DedupeKey));
            if (await find.ExecuteScalarAsync(cancellationToken) is string existing)
                return new EnqueuedJob(existing, Created: false);
        }

        var id = StoreInput.NewId(now);
        await SqliteCommands.ExecuteAsync(
            connection,
            $"""
            INSERT INTO jobs ({Columns})
            VALUES ($id, $kind, $payload, $key, 'queued', $priority, $after, NULL, NULL, 0, $max, NULL, $now, $now, NULL)
            """,
            cancellationToken,
            ("$id", id),
            ("$kind", request.Kind.Trim()),
            ("$payload", request.PayloadJson),
            ("$key", request.DedupeKey),
            ("$priority", request.Priority),
            ("$after", SqliteTime.ToMicros(request.RunAfter ?? now)),
            ("$max", request.MaxAttempts),
            ("$now", SqliteTime.ToMicros(now)));
        await transaction.CommitAsync(cancellationToken);
        return new EnqueuedJob(id, Created: true);
    }

    public static async Task<JobRecord?> LeaseAsync(
        SqliteConnection connection, string owner, TimeSpan leaseFor, IReadOnlyCollection<string>? kinds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        JobRetry.CheckLease(owner, leaseFor);
        await using var transaction = await SqliteWriteTransaction.BeginAsync(connection, cancellationToken);
        var leased = await ReadAsync(
            connection,
            $"""
            UPDATE jobs SET status = 'running', lease_owner = $owner, lease_expires_at = $until, attempts = attempts + 1, updated_at = $now
            WHERE id = (
                SELECT id FROM jobs
                WHERE ((status = 'queued' AND run_after <= $now) OR (status = 'running' AND lease_expires_at <= $now AND attempts < max_attempts))
                  AND ($kinds IS NULL OR kind IN (SELECT value FROM json_each($kinds)))
                ORDER BY priority DESC, run_after, created_at, id LIMIT 1)
            RETURNING {Columns}
            """,
            cancellationToken,
            ("$owner", owner),
            ("$until", SqliteTime.ToMicros(now + leaseFor)),
            ("$now", SqliteTime.ToMicros(now)),
            ("$kinds", kinds is null ? null : JsonSerializer.Serialize(kinds)));
        await transaction.CommitAsync(cancellationToken);
        return leased.Count > 0 ? leased[0] : null;
    }

    public static async Task<bool> HeartbeatAsync(SqliteConnection connection, string jobId, string owner, TimeSpan leaseFor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        JobRetry.CheckLease(owner, leaseFor);
        return await ChangeAsync(
            connection,
            "UPDATE jobs SET lease_expires_at = $until, updated_at = $now WHERE id = $id AND status = 'running' AND lease_owner = $owner",
            cancellationToken,
            ("$id", jobId),
            ("$owner", owner),
            ("$until", SqliteTime.ToMicros(now + leaseFor)),
            ("$now", SqliteTime.ToMicros(now))) > 0;
    }

    public static async Task<bool> CompleteAsync(SqliteConnection connection, string jobId, string owner, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ChangeAsync(
            connection,
            """
            UPDATE jobs SET status = 'done', lease_expires_at = NULL, finished_at = $now, updated_at = $now
            WHERE id = $id AND status = 'running' AND lease_owner = $owner
            """,
            cancellationToken,
            ("$id", jobId),
            ("$owner", owner),
            ("$now", SqliteTime.ToMicros(now))) > 0;

    public static async Task<JobStatus?> FailAsync(
        SqliteConnection connection, string jobId, string owner, string error, TimeSpan? retryAfter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        error = StoreInput.Required(error, "a failure's error text");
        await using var transaction = await SqliteWriteTransaction.BeginAsync(connection, cancellationToken);
        var held = await ReadAsync(
            connection,
            $"SELECT {Columns} FROM jobs WHERE id = $id AND status = 'running' AND lease_owner = $owner",
            cancellationToken,
            ("$id", jobId),
            ("$owner", owner));
        if (held.Count == 0)
            return null;

        var job = held[0];
        var final = job.Attempts >= job.MaxAttempts;
        await SqliteCommands.ExecuteAsync(
            connection,
            final
                ? "UPDATE jobs SET status = 'failed', lease_expires_at = NULL, last_error = $error, finished_at = $now, updated_at = $now WHERE id = $id"
                : "UPDATE jobs SET status = 'queued', lease_owner = NULL, lease_expires_at = NULL, last_error = $error, run_after = $after, updated_at = $now WHERE id = $id",
            cancellationToken,
            ("$id", jobId),
            ("$error", error),
            ("$after", SqliteTime.ToMicros(now + (retryAfter ?? JobRetry.Backoff(job.Attempts)))),
            ("$now", SqliteTime.ToMicros(now)));
        await transaction.CommitAsync(cancellationToken);
        return final ? JobStatus.Failed : JobStatus.Queued;
    }

    public static async Task<bool> CancelAsync(SqliteConnection connection, string jobId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ChangeAsync(
            connection,
            "UPDATE jobs SET status = 'cancelled', finished_at = $now, updated_at = $now WHERE id = $id AND status = 'queued'",
            cancellationToken,
            ("$id", jobId),
            ("$now", SqliteTime.ToMicros(now))) > 0;

    public static Task<int> RequeueExpiredAsync(SqliteConnection connection, DateTimeOffset now, CancellationToken cancellationToken) =>
        ChangeAsync(
            connection,
            """
            UPDATE jobs SET
                status = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
                finished_at = CASE WHEN attempts >= max_attempts THEN $now END,
                last_error = 'the lease of ' || lease_owner || ' expired',
                lease_owner = NULL, lease_expires_at = NULL, updated_at = $now
            WHERE status = 'running' AND lease_expires_at <= $now
            """,
            cancellationToken,
            ("$now", SqliteTime.ToMicros(now)));

    public static async Task<JobRecord?> GetAsync(SqliteConnection connection, string id, CancellationToken cancellationToken) =>
        (await ReadAsync(connection, $"SELECT {Columns} FROM jobs WHERE id = $id", cancellationToken, ("$id", id))) is [var job] ? job : null;

    private static async Task<int> ChangeAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = SqliteCommands.Create(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<JobRecord>> ReadAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = SqliteCommands.Create(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var jobs = new List<JobRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(new JobRecord(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                SqliteCommands.NullableString(reader, 3),
                JobStatuses.Parse(reader.GetString(4)),
                reader.GetInt32(5),
                SqliteTime.FromMicros(reader.GetInt64(6)),
                SqliteCommands.NullableString(reader, 7),
                SqliteCommands.NullableTime(reader, 8),
                reader.GetInt32(9),
                reader.GetInt32(10),
                SqliteCommands.NullableString(reader, 11),
                SqliteTime.FromMicros(reader.GetInt64(12)),
                SqliteTime.FromMicros(reader.GetInt64(13)),
                SqliteCommands.NullableTime(reader, 14)));
        }

        return jobs;
    }
}
