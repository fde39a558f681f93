namespace Culprit.Storage.Postgres;

/// <summary>The statements of a PostgreSQL batch commit.</summary>
internal static class PostgresBatchSql
{
    /// <summary>Creates the incident or widens it; the row stays locked until the commit. Returns the stored id.</summary>
    public const string UpsertIncident = """
        INSERT INTO incidents AS i (id, fingerprint, grouping_version, basis, title, culprit, representative_id,
            representative_message, representative_exception, first_seen, last_seen, services, versions, created_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)
        ON CONFLICT (fingerprint) DO UPDATE SET
            first_seen = LEAST(i.first_seen, excluded.first_seen),
            last_seen = GREATEST(i.last_seen, excluded.last_seen),
            services = ARRAY(SELECT DISTINCT s COLLATE "C" FROM unnest(i.services || excluded.services) AS u (s) ORDER BY 1),
            versions = ARRAY(SELECT DISTINCT v COLLATE "C" FROM unnest(i.versions || excluded.versions) AS u (v) ORDER BY 1),
            updated_at = excluded.updated_at
        RETURNING id;
        """;

    /// <summary>
    /// Inserts the occurrences not stored yet and, from exactly those, raises counts and hourly counts and turns
    /// resolved incidents that recur into regressed ones. $1..$8 are the occurrence columns as arrays, $9 now.
    /// </summary>
    public const string InsertOccurrences = """
        WITH inserted AS (
            INSERT INTO occurrences (source, line, incident_id, ts, service, version, trace_id, sample)
            SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[])
            ON CONFLICT (source, line) DO NOTHING
            RETURNING incident_id, ts
        ), hourly AS (
            INSERT INTO incident_hourly_counts AS h (incident_id, hour, count)
            SELECT incident_id, date_trunc('hour', ts, 'UTC'), count(*) FROM inserted WHERE ts IS NOT NULL
            GROUP BY 1, 2 ORDER BY 1, 2
            ON CONFLICT (incident_id, hour) DO UPDATE SET count = h.count + excluded.count
        ), tally AS (
            SELECT incident_id, count(*) AS added, max(ts) AS latest FROM inserted GROUP BY incident_id
        ), regressed AS (
            SELECT i.id, t.latest FROM incidents i JOIN tally t ON t.incident_id = i.id
            WHERE i.status = 'resolved' AND t.latest IS NOT NULL AND (i.status_changed_at IS NULL OR t.latest > i.status_changed_at)
        ), history AS (
            INSERT INTO status_history (incident_id, from_status, to_status, actor, note, changed_at)
            SELECT id, 'resolved', 'regressed', 'culprit',
                'occurred again at ' || to_char(latest AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ' after it was resolved', $9
            FROM regressed
        )
        UPDATE incidents i SET
            count = i.count + t.added,
            status = CASE WHEN r.id IS NULL THEN i.status ELSE 'regressed' END,
            status_changed_at = CASE WHEN r.id IS NULL THEN i.status_changed_at ELSE $9 END
        FROM tally t LEFT JOIN regressed r ON r.id = t.incident_id
        WHERE i.id = t.incident_id;
        """;

    public const string UpsertCheckpoints = """
        INSERT INTO source_checkpoints (source, inode, byte_offset, line, updated_at)
        SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::timestamptz[])
        ON CONFLICT (source) DO UPDATE SET
            inode = excluded.inode, byte_offset = excluded.byte_offset, line = excluded.line, updated_at = excluded.updated_at;
        """;
}
