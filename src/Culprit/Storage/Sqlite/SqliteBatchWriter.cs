using Microsoft.Data.Sqlite;

namespace Culprit.Storage.Sqlite;

/// <summary>
/// Commits one batch in one write transaction: incidents upserted by fingerprint, occurrences inserted unless
/// already stored, counts raised by the occurrences actually inserted, checkpoints set. SQLite has one writer
/// at a time, so reading a row and updating it inside the transaction is safe.
/// </summary>
internal static class SqliteBatchWriter
{
    private const string UpsertIncident = """
        INSERT INTO incidents (id, fingerprint, grouping_version, basis, title, culprit, representative_id,
            representative_message, representative_exception, first_seen, last_seen, created_at, updated_at)
        VALUES ($id, $fingerprint, $grouping, $basis, $title, $culprit, $rep_id, $rep_message, $rep_exception,
            $first_seen, $last_seen, $now, $now)
        ON CONFLICT (fingerprint) DO UPDATE SET
            first_seen = coalesce(min(first_seen, excluded.first_seen), first_seen, excluded.first_seen),
            last_seen = coalesce(max(last_seen, excluded.last_seen), last_seen, excluded.last_seen),
            updated_at = excluded.updated_at
        RETURNING id, status, status_changed_at;
        """;

    private const string InsertOccurrence = """
        INSERT INTO occurrences (source, line, incident_id, ts, service, version, trace_id, sample)
        VALUES ($source, $line, $incident, $ts, $service, $version, $trace, $sample)
        ON CONFLICT (source, line) DO NOTHING;
        """;

    private const string UpsertCheckpoint = """
        INSERT INTO source_checkpoints (source, inode, byte_offset, line, updated_at)
        VALUES ($source, $inode, $offset, $line, $at)
        ON CONFLICT (source) DO UPDATE SET
            inode = excluded.inode, byte_offset = excluded.byte_offset, line = excluded.line, updated_at = excluded.updated_at;
        """;

    public static async Task CommitAsync(SqliteConnection connection, PreparedBatch batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await SqliteWriteTransaction.BeginAsync(connection, cancellationToken);
        var stored = await UpsertIncidentsAsync(connection, batch, now, cancellationToken);
        var tally = new StoredTally();
        await InsertOccurrencesAsync(connection, batch, stored, tally, cancellationToken);
        await SqliteTallyWriter.WriteAsync(connection, tally, stored, now, cancellationToken);
        await WriteCheckpointsAsync(connection, batch, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Upserts every incident; returns what is stored per fingerprint (id, status, when it last changed).</summary>
    private static async Task<Dictionary<string, StoredIncident>> UpsertIncidentsAsync(SqliteConnection connection, PreparedBatch batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, StoredIncident>(StringComparer.Ordinal);
        await using var upsert = SqliteCommands.Create(connection, UpsertIncident,
            ("$id", null), ("$fingerprint", null), ("$grouping", null), ("$basis", null), ("$title", null), ("$culprit", null),
            ("$rep_id", null), ("$rep_message", null), ("$rep_exception", null), ("$first_seen", null), ("$last_seen", null),
            ("$now", SqliteTime.ToMicros(now)));
        await using var addService = SqliteCommands.Create(connection, "INSERT OR IGNORE INTO incident_services (incident_id, service) VALUES ($id, $value);", ("$id", null), ("$value", null));
        await using var addVersion = SqliteCommands.Create(connection, "INSERT OR IGNORE INTO incident_versions (incident_id, version) VALUES ($id, $value);", ("$id", null), ("$value", null));
        foreach (var delta in batch.Incidents)
        {
            SqliteCommands.Set(upsert, "$id", delta.Id);
            SqliteCommands.Set(upsert, "$fingerprint", delta.Fingerprint);
            SqliteCommands.Set(upsert, "$grouping", delta.GroupingVersion);
            SqliteCommands.Set(upsert, "$basis", delta.Basis);
            SqliteCommands.Set(upsert, "$title", delta.Title);
            SqliteCommands.Set(upsert, "$culprit", delta.CulpritJson);
            SqliteCommands.Set(upsert, "$rep_id", delta.RepresentativeId);
            SqliteCommands.Set(upsert, "$rep_message", delta.RepresentativeMessage);
            SqliteCommands.Set(upsert, "$rep_exception", delta.RepresentativeExceptionJson);
            SqliteCommands.Set(upsert, "$first_seen", SqliteTime.ToDb(delta.FirstSeen));
            SqliteCommands.Set(upsert, "$last_seen", SqliteTime.ToDb(delta.LastSeen));
            StoredIncident incident;
            await using (var reader = await upsert.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                incident = new StoredIncident(reader.GetString(0), IncidentStatusText.Parse(reader.GetString(1)), SqliteCommands.NullableTime(reader, 2));
            }

            stored[delta.Fingerprint] = incident;
            await AddAllAsync(addService, incident.Id, delta.Services, cancellationToken);
            await AddAllAsync(addVersion, incident.Id, delta.Versions, cancellationToken);
        }

        return stored;
    }

    private static async Task AddAllAsync(SqliteCommand command, string id, SortedSet<string> values, CancellationToken cancellationToken)
    {
        SqliteCommands.Set(command, "$id", id);
        foreach (var value in values)
        {
            SqliteCommands.Set(command, "$value", value);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task InsertOccurrencesAsync(SqliteConnection connection, PreparedBatch batch, Dictionary<string, StoredIncident> stored, StoredTally tally, CancellationToken cancellationToken)
    {
        await using var insert = SqliteCommands.Create(connection, InsertOccurrence,
            ("$source", null), ("$line", null), ("$incident", null), ("$ts", null), ("$service", null), ("$version", null), ("$trace", null), ("$sample", null));
        foreach (var occurrence in batch.Occurrences)
        {
            var incidentId = stored[batch.FingerprintOf[occurrence.IncidentId]].Id;
            SqliteCommands.Set(insert, "$source", occurrence.Source);
            SqliteCommands.Set(insert, "$line", occurrence.Line);
            SqliteCommands.Set(insert, "$incident", incidentId);
            SqliteCommands.Set(insert, "$ts", SqliteTime.ToDb(occurrence.Timestamp));
            SqliteCommands.Set(insert, "$service", occurrence.Service);
            SqliteCommands.Set(insert, "$version", occurrence.Version);
            SqliteCommands.Set(insert, "$trace", occurrence.TraceId);
            SqliteCommands.Set(insert, "$sample", occurrence.Sample);
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
                tally.Add(incidentId, occurrence.Timestamp);
        }
    }

    private static async Task WriteCheckpointsAsync(SqliteConnection connection, PreparedBatch batch, CancellationToken cancellationToken)
    {
        await using var upsert = SqliteCommands.Create(connection, UpsertCheckpoint, ("$source", null), ("$inode", null), ("$offset", null), ("$line", null), ("$at", null));
        foreach (var checkpoint in batch.Checkpoints)
        {
            SqliteCommands.Set(upsert, "$source", checkpoint.Source);
            SqliteCommands.Set(upsert, "$inode", checkpoint.Inode);
            SqliteCommands.Set(upsert, "$offset", checkpoint.Offset);
            SqliteCommands.Set(upsert, "$line", checkpoint.Line);
            SqliteCommands.Set(upsert, "$at", SqliteTime.ToMicros(checkpoint.UpdatedAt));
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
