using Culprit.Storage.Feedback;
using Microsoft.Data.Sqlite;

namespace Culprit.Storage.Sqlite;

/// <summary>Reads and writes the <c>feedback</c> table, and lists <c>rca_results</c> with their ids.</summary>
internal static class SqliteFeedback
{
    private const string Select = """
        SELECT f.id, f.rca_id, r.incident_id, r.engine, f.verdict, f.notes, f.user_id, f.created_at
        FROM feedback f JOIN rca_results r ON r.id = f.rca_id
        """;

    public static async Task<FeedbackRecord> RecordAsync(
        SqliteConnection connection, string rcaId, FeedbackVerdict verdict, string? notes, string? user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        rcaId = StoreInput.Required(rcaId, "an RCA result id");
        var text = FeedbackVerdicts.ToText(verdict);
        string incident, engine;
        await using (var find = SqliteCommands.Create(connection, "SELECT incident_id, engine FROM rca_results WHERE id = $id", ("$id", rcaId)))
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
                throw FeedbackErrors.UnknownRcaResult(rcaId);
            incident = reader.GetString(0);
            engine = reader.GetString(1);
        }

        var record = new FeedbackRecord(StoreInput.NewId(now), rcaId, incident, engine, verdict, StoreInput.Optional(notes), StoreInput.Optional(user), now);
        await SqliteCommands.ExecuteAsync(
            connection,
            "INSERT INTO feedback (id, rca_id, user_id, verdict, notes, created_at) VALUES ($id, $rca, $user, $verdict, $notes, $at)",
            cancellationToken,
            ("$id", record.Id),
            ("$rca", rcaId),
            ("$user", record.User),
            ("$verdict", text),
            ("$notes", record.Notes),
            ("$at", SqliteTime.ToMicros(now)));
        return record;
    }

    public static Task<List<FeedbackRecord>> ListAsync(SqliteConnection connection, string rcaId, CancellationToken cancellationToken) =>
        ReadAsync(connection, $"{Select} WHERE f.rca_id = $rca ORDER BY f.created_at, f.id", cancellationToken, ("$rca", rcaId));

    public static Task<List<FeedbackRecord>> ListIncidentAsync(SqliteConnection connection, string? incidentId, CancellationToken cancellationToken) =>
        ReadAsync(
            connection,
            $"{Select} WHERE $incident IS NULL OR r.incident_id = $incident ORDER BY f.created_at DESC, f.id DESC",
            cancellationToken,
            ("$incident", incidentId));

    public static async Task<IReadOnlyList<EngineFeedback>> PerEngineAsync(SqliteConnection connection, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await using var command = SqliteCommands.Create(
            connection,
            """
            SELECT r.engine, sum(f.verdict = 'accept'), sum(f.verdict = 'reject'), sum(f.verdict = 'partially_correct')
            FROM feedback f JOIN rca_results r ON r.id = f.rca_id
            WHERE $since IS NULL OR f.created_at >= $since
            GROUP BY r.engine ORDER BY r.engine
            """,
            ("$since", SqliteTime.ToDb(since)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var engines = new List<EngineFeedback>();
        while (await reader.ReadAsync(cancellationToken))
            engines.Add(new EngineFeedback(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
        return engines;
    }

    public static async Task<IReadOnlyList<RcaResultSummary>> ListResultsAsync(SqliteConnection connection, string? incidentId, int limit, CancellationToken cancellationToken)
    {
        await using var command = SqliteCommands.Create(
            connection,
            """
            SELECT id, incident_id, engine, version, suspected_file, suspected_symbol, confidence, fallback_reason, created_at
            FROM rca_results WHERE $incident IS NULL OR incident_id = $incident
            ORDER BY created_at DESC, id DESC LIMIT $limit
            """,
            ("$incident", incidentId),
            ("$limit", Math.Max(0, limit)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var results = new List<RcaResultSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            results.Add(new RcaResultSummary(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                SqliteCommands.NullableString(reader, 3),
                SqliteCommands.NullableString(reader, 4),
                SqliteCommands.NullableString(reader, 5),
                reader.IsDBNull(6) ? null : reader.GetDouble(6),
                SqliteCommands.NullableString(reader, 7),
                SqliteTime.FromMicros(reader.GetInt64(8))));
        }

        return results;
    }

    private static async Task<List<FeedbackRecord>> ReadAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = SqliteCommands.Create(connection, sql, parameters);
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
                SqliteCommands.NullableString(reader, 5),
                SqliteCommands.NullableString(reader, 6),
                SqliteTime.FromMicros(reader.GetInt64(7))));
        }

        return records;
    }
}
