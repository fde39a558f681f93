using Culprit.Storage.Feedback;
using Npgsql;

namespace Culprit.Storage.Postgres;

/// <summary>Reads and writes the <c>feedback</c> table, and lists <c>rca_results</c> with their ids.</summary>
internal static class PostgresFeedback
{
    private const string Select = """
        SELECT f.id, f.rca_id, r.incident_id, r.engine, f.verdict, f.notes, f.user_id, f.created_at
        FROM feedback f JOIN rca_results r ON r.id = f.rca_id
        """;

    public static async Task<FeedbackRecord> RecordAsync(
        NpgsqlConnection connection, string rcaId, FeedbackVerdict verdict, string? notes, string? user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        rcaId = StoreInput.Required(rcaId, "an RCA result id");
        var text = FeedbackVerdicts.ToText(verdict);
        var id = StoreInput.NewId(now);
        notes = StoreInput.Optional(notes);
        user = StoreInput.Optional(user);

        // One statement: the row is written only when the RCA result exists, and the insert returns its incident and engine.
        await using var command = PostgresCommands.Create(
            connection,
            """
            WITH result AS (SELECT id, incident_id, engine FROM rca_results WHERE id = $2),
                 added AS (INSERT INTO feedback (id, rca_id, user_id, verdict, notes, created_at)
                           SELECT $1, id, $3, $4, $5, $6 FROM result RETURNING id)
            SELECT result.incident_id, result.engine FROM result JOIN added ON true
            """,
            PgParameters.Text(id),
            PgParameters.Text(rcaId),
            PgParameters.Text(user),
            PgParameters.Text(text),
            PgParameters.Text(notes),
            PgParameters.Time(now));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            throw FeedbackErrors.UnknownRcaResult(rcaId);
        return new FeedbackRecord(id, rcaId, reader.GetString(0), reader.GetString(1), verdict, notes, user, now);
    }

    public static Task<List<FeedbackRecord>> ListAsync(NpgsqlConnection connection, string rcaId, CancellationToken cancellationToken) =>
        ReadAsync(connection, $"{Select} WHERE f.rca_id = $1 ORDER BY f.created_at, f.id", cancellationToken, PgParameters.Text(rcaId));

    public static Task<List<FeedbackRecord>> ListIncidentAsync(NpgsqlConnection connection, string? incidentId, CancellationToken cancellationToken) =>
        ReadAsync(
            connection,
            $"{Select} WHERE $1::text IS NULL OR r.incident_id = $1 ORDER BY f.created_at DESC, f.id DESC",
            cancellationToken,
            PgParameters.Text(incidentId));

    public static async Task<IReadOnlyList<EngineFeedback>> PerEngineAsync(NpgsqlConnection connection, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await using var command = PostgresCommands.Create(
            connection,
            """
            SELECT r.engine, count(*) FILTER (WHERE f.verdict = 'accept'), count(*) FILTER (WHERE f.verdict = 'reject'),
                   count(*) FILTER (WHERE f.verdict = 'partially_correct')
            FROM feedback f JOIN rca_results r ON r.id = f.rca_id
            WHERE $1::timestamptz IS NULL OR f.created_at >= $1
            GROUP BY r.engine ORDER BY r.engine COLLATE "C"
            """,
            PgParameters.Time(since));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var engines = new List<EngineFeedback>();
        while (await reader.ReadAsync(cancellationToken))
            engines.Add(new EngineFeedback(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
        return engines;
    }

    public static async Task<IReadOnlyList<RcaResultSummary>> ListResultsAsync(NpgsqlConnection connection, string? incidentId, int limit, CancellationToken cancellationToken)
    {
        await using var command = PostgresCommands.Create(
            connection,
            """
            SELECT id, incident_id, engine, version, suspected_file, suspected_symbol, confidence, fallback_reason, created_at
            FROM rca_results WHERE $1::text IS NULL OR incident_id = $1
            ORDER BY created_at DESC, id DESC LIMIT $2
            """,
            PgParameters.Text(incidentId),
            PgParameters.Integer(Math.Max(0, limit)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var results = new List<RcaResultSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            results.Add(new RcaResultSummary(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                PostgresCommands.NullableString(reader, 3),
                PostgresCommands.NullableString(reader, 4),
                PostgresCommands.NullableString(reader, 5),
                reader.IsDBNull(6) ? null : reader.GetDouble(6),
                PostgresCommands.NullableString(reader, 7),
                PostgresCommands.Time(reader, 8)));
        }

        return results;
    }

    private static async Task<List<FeedbackRecord>> ReadAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = PostgresCommands.Create(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<FeedbackRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new FeedbackRecord(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                FeedbackErrors.ReadVerdict(reader.GetString(4)),
                PostgresCommands.NullableString(reader, 5),
                PostgresCommands.NullableString(reader, 6),
                PostgresCommands.Time(reader, 7)));
        }

        return records;
    }
}
