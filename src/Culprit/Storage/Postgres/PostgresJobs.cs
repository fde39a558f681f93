using Culprit.Storage.Jobs;
using Npgsql;

namespace Culprit.Storage.Postgres;

/// <summary>
/// The <c>jobs</c> table as a queue for any number of worker processes: a lease is one statement that locks the
/// next due row with <c>FOR UPDATE SKIP LOCKED</c>, so two workers never get the same job and never wait for each other.
/// </summary>
internal static class PostgresJobs
{
    public const string Columns = """
        id, kind, payload::text, dedupe_key, status, priority, run_after, lease_owner, lease_expires_at,
        attempts, max_attempts, last_error, created_at, updated_at, finished_at
        """;

    private const string Pending = "status IN ('queued', 'running')";

    public static async Task<EnqueuedJob> EnqueueAsync(NpgsqlConnection connection, JobRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        JobRetry.CheckRequest(request);
        var id = StoreInput.NewId(now);

        // A pending job with the key wins; it may finish between the insert and the look-up, so try again then.
        for (var attempt = 0; ; attempt++)
        {
            await using (var insert = PostgresCommands.Create(
                connection,
                $"""
                INSERT INTO jobs (id, kind, payload, dedupe_key, status, priority, run_after, attempts, max_attempts, created_at, updated_at)
                VALUES ($1, $2, $3::jsonb, $4, 'queued', $5, $6, 0, $7, $8, $8)
                ON CONFLICT (dedupe_key) WHERE {Pending} DO NOTHING
                """,
                PgParameters.Text(id),
                PgParameters.Text(request.Kind.Trim()),
                PgParameters.Text(request.PayloadJson),
                PgParameters.Text(request.DedupeKey),
                PgParameters.Integer(request.Priority),
                PgParameters.Time(request.RunAfter ?? now),
                PgParameters.Integer(request.MaxAttempts),
                PgParameters.Time(now)))
            {
                if (await insert.ExecuteNonQueryAsync(cancellationToken) > 0)
                    return new EnqueuedJob(id, Created: true);
            }

            await using var find = PostgresCommands.Create(connection, $"SELECT id FROM jobs WHERE dedupe_key = $1 AND {Pending}", PgParameters.Text(request.DedupeKey));
            if (await find.ExecuteScalarAsync(cancellationToken) is string existing)
                return new EnqueuedJob(existing, Created: false);
            if (attempt >= 3)
                throw new InvalidOperationException($"could not queue a job with dedupe key '{request.DedupeKey}': its pending job kept changing");
        }
    }

    public static async Task<JobRecord?> LeaseAsync(
        NpgsqlConnection connection, string owner, TimeSpan leaseFor, IReadOnlyCollection<string>? kinds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        JobRetry.CheckLease(owner, leaseFor);
        var leased = await ReadAsync(
            connection,
            $"""
            WITH next AS (
                SELECT id AS next_id FROM jobs
                WHERE ((status = 'queued' AND run_after <= $3) OR (status = 'running' AND lease_expires_at <= $3 AND attempts < max_attempts))
                  AND ($4::text[] IS NULL OR kind = ANY ($4))
                ORDER BY priority DESC, run_after, created_at, id
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            UPDATE jobs SET status = 'running', lease_owner = $1, lease_expires_at = $2, attempts = jobs.attempts + 1, updated_at = $3
            FROM next WHERE jobs.id = next.next_id
            RETURNING {Columns}
            """,
            cancellationToken,
            PgParameters.Text(owner),
            PgParameters.Time(now + leaseFor),
            PgParameters.Time(now),
            PgParameters.NullableTextArray(kinds));
        return leased.Count > 0 ? leased[0] : null;
    }

    public static async Task<bool> HeartbeatAsync(NpgsqlConnection connection, string jobId, string owner, TimeSpan leaseFor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        JobRetry.CheckLease(owner, leaseFor);
        return await PostgresCommands.ExecuteAsync(
            connection,
            "UPDATE jobs SET lease_expires_at = $3, updated_at = $4 WHERE id = $1 AND status = 'running' AND lease_owner = $2",
            cancellationToken,
            PgParameters.Text(jobId),
            PgParameters.Text(owner),
            PgParameters.Time(now + leaseFor),
            PgParameters.Time(now)) > 0;
    }

    public static async Task<bool> CompleteAsync(NpgsqlConnection connection, string jobId, string owner, DateTimeOffset now, CancellationToken cancellationToken) =>
        await PostgresCommands.ExecuteAsync(
            connection,
            """
            UPDATE jobs SET status = 'done', lease_expires_at = NULL, finished_at = $3, updated_at = $3
            WHERE id = $1 AND status = 'running' AND lease_owner = $2
            """,
            cancellationToken,
            PgParameters.Text(jobId),
            PgParameters.Text(owner),
            PgParameters.Time(now)) > 0;

    public static async Task<JobStatus?> FailAsync(
        NpgsqlConnection connection, string jobId, string owner, string error, TimeSpan? retryAfter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        error = StoreInput.Required(error, "a failure's error text");
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var held = await ReadAsync(
            connection,
            $"SELECT {Columns} FROM jobs WHERE id = $1 AND status = 'running' AND lease_owner = $2 FOR UPDATE",
            cancellationToken,
            PgParameters.Text(jobId),
            PgParameters.Text(owner));
        if (held.Count == 0)
            return null;

        var job = held[0];
        var final = job.Attempts >= job.MaxAttempts;
        if (final)
        {
            await PostgresCommands.ExecuteAsync(
                connection,
                "UPDATE jobs SET status = 'failed', lease_expires_at = NULL, last_error = $2, finished_at = $3, updated_at = $3 WHERE id = $1",
                cancellationToken,
                PgParameters.Text(jobId),
                PgParameters.Text(error),
                PgParameters.Time(now));
        }
        else
        {
            await PostgresCommands.ExecuteAsync(
                connection,
                "UPDATE jobs SET status = 'queued', lease_owner = NULL, lease_expires_at = NULL, last_error = $2, run_after = $3, updated_at = $4 WHERE id = $1",
                cancellationToken,
                PgParameters.Text(jobId),
                PgParameters.Text(error),
                PgParameters.Time(now + (retryAfter ?? JobRetry.Backoff(job.Attempts))),
                PgParameters.Time(now));
        }

        await transaction.CommitAsync(cancellationToken);
        return final ? JobStatus.Failed : JobStatus.Queued;
    }

    public static async Task<bool> CancelAsync(NpgsqlConnection connection, string jobId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await PostgresCommands.ExecuteAsync(
            connection,
            "UPDATE jobs SET status = 'cancelled', finished_at = $2, updated_at = $2 WHERE id = $1 AND status = 'queued'",
            cancellationToken,
            PgParameters.Text(jobId),
            PgParameters.Time(now)) > 0;

    public static Task<int> RequeueExpiredAsync(NpgsqlConnection connection, DateTimeOffset now, CancellationToken cancellationToken) =>
        PostgresCommands.ExecuteAsync(
            connection,
            """
            UPDATE jobs SET
                status = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
                finished_at = CASE WHEN attempts >= max_attempts THEN $1 END,
                last_error = 'the lease of ' || lease_owner || ' expired',
                lease_owner = NULL, lease_expires_at = NULL, updated_at = $1
            WHERE status = 'running' AND lease_expires_at <= $1
            """,
            cancellationToken,
            PgParameters.Time(now));

    public static async Task<JobRecord?> GetAsync(NpgsqlConnection connection, string id, CancellationToken cancellationToken) =>
        (await ReadAsync(connection, $"SELECT {Columns} FROM jobs WHERE id = $1", cancellationToken, PgParameters.Text(id))) is [var job] ? job : null;

    private static async Task<List<JobRecord>> ReadAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = PostgresCommands.Create(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var jobs = new List<JobRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(new JobRecord(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                PostgresCommands.NullableString(reader, 3),
                JobStatuses.Parse(reader.GetString(4)),
                reader.GetInt32(5),
                PostgresCommands.Time(reader, 6),
                PostgresCommands.NullableString(reader, 7),
                PostgresCommands.NullableTime(reader, 8),
                reader.GetInt32(9),
                reader.GetInt32(10),
                PostgresCommands.NullableString(reader, 11),
                PostgresCommands.Time(reader, 12),
                PostgresCommands.Time(reader, 13),
                PostgresCommands.NullableTime(reader, 14)));
        }

        return jobs;
    }
}
