using Npgsql;

namespace Culprit.Storage.Postgres;

/// <summary>
/// Commits one batch in one transaction in two round trips: the incident upserts (in fingerprint order, so two
/// writers lock shared incidents in the same order and never deadlock), then the occurrences with the counts
/// they raise and the checkpoints.
/// </summary>
internal static class PostgresBatchWriter
{
    public static async Task CommitAsync(NpgsqlConnection connection, PreparedBatch batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var storedIds = await UpsertIncidentsAsync(connection, transaction, batch, now, cancellationToken);
        await using (var rest = new NpgsqlBatch(connection, transaction))
        {
            if (batch.Occurrences.Count > 0)
                rest.BatchCommands.Add(Occurrences(batch, storedIds, now));
            if (batch.Checkpoints.Count > 0)
                rest.BatchCommands.Add(Checkpoints(batch));
            if (rest.BatchCommands.Count > 0)
                await rest.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Upserts every incident; returns the stored id per fingerprint.</summary>
    private static async Task<Dictionary<string, string>> UpsertIncidentsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, PreparedBatch batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var storedIds = new Dictionary<string, string>(StringComparer.Ordinal);
        if (batch.Incidents.Count == 0)
            return storedIds;

        await using var upserts = new NpgsqlBatch(connection, transaction);
        foreach (var delta in batch.Incidents)
        {
            upserts.BatchCommands.Add(new NpgsqlBatchCommand(PostgresBatchSql.UpsertIncident)
            {
                Parameters =
                {
                    PgParameters.Text(delta.Id),
                    PgParameters.Text(delta.Fingerprint),
                    PgParameters.Text(delta.GroupingVersion),
                    PgParameters.Text(delta.Basis),
                    PgParameters.Text(delta.Title),
                    PgParameters.Jsonb(delta.CulpritJson),
                    PgParameters.Text(delta.RepresentativeId),
                    PgParameters.Text(delta.RepresentativeMessage),
                    PgParameters.Jsonb(delta.RepresentativeExceptionJson),
                    PgParameters.Time(delta.FirstSeen),
                    PgParameters.Time(delta.LastSeen),
                    PgParameters.TextArray(delta.Services),
                    PgParameters.TextArray(delta.Versions),
                    PgParameters.Time(now),
                },
            });
        }

        await using var reader = await upserts.ExecuteReaderAsync(cancellationToken);
        foreach (var delta in batch.Incidents)
        {
            await reader.ReadAsync(cancellationToken);
            storedIds[delta.Fingerprint] = reader.GetString(0);
            await reader.NextResultAsync(cancellationToken);
        }

        return storedIds;
    }

    private static NpgsqlBatchCommand Occurrences(PreparedBatch batch, Dictionary<string, string> storedIds, DateTimeOffset now)
    {
        var count = batch.Occurrences.Count;
        var sources = new string?[count];
        var lines = new long[count];
        var incidents = new string?[count];
        var times = new DateTime?[count];
        var services = new string?[count];
        var versions = new string?[count];
        var traces = new string?[count];
        var samples = new string?[count];
        for (var i = 0; i < count; i++)
        {
            var occurrence = batch.Occurrences[i];
            sources[i] = occurrence.Source;
            lines[i] = occurrence.Line;
            incidents[i] = storedIds[batch.FingerprintOf[occurrence.IncidentId]];
            times[i] = occurrence.Timestamp?.UtcDateTime;
            services[i] = occurrence.Service;
            versions[i] = occurrence.Version;
            traces[i] = occurrence.TraceId;
            samples[i] = occurrence.Sample;
        }

        return new NpgsqlBatchCommand(PostgresBatchSql.InsertOccurrences)
        {
            Parameters =
            {
                PgParameters.TextArray(sources),
                PgParameters.BigintArray(lines),
                PgParameters.TextArray(incidents),
                PgParameters.TimeArray(times),
                PgParameters.TextArray(services),
                PgParameters.TextArray(versions),
                PgParameters.TextArray(traces),
                PgParameters.TextArray(samples),
                PgParameters.Time(now),
            },
        };
    }

    private static NpgsqlBatchCommand Checkpoints(PreparedBatch batch)
    {
        var checkpoints = batch.Checkpoints;
        var sources = new string?[checkpoints.Count];
        var inodes = new string?[checkpoints.Count];
        var offsets = new long[checkpoints.Count];
        var lines = new long[checkpoints.Count];
        var times = new DateTime?[checkpoints.Count];
        for (var i = 0; i < checkpoints.Count; i++)
        {
            sources[i] = checkpoints[i].Source;
            inodes[i] = checkpoints[i].Inode;
            offsets[i] = checkpoints[i].Offset;
            lines[i] = checkpoints[i].Line;
            times[i] = checkpoints[i].UpdatedAt.UtcDateTime;
        }

        return new NpgsqlBatchCommand(PostgresBatchSql.UpsertCheckpoints)
        {
            Parameters =
            {
                PgParameters.TextArray(sources),
                PgParameters.TextArray(inodes),
                PgParameters.BigintArray(offsets),
                PgParameters.BigintArray(lines),
                PgParameters.TimeArray(times),
            },
        };
    }
}
