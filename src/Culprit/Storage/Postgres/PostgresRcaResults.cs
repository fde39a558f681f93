using Culprit.Model;
using Culprit.Rca.Cache;
using Npgsql;
using NpgsqlTypes;

namespace Culprit.Storage.Postgres;

/// <summary>Reads and writes analyses in the <c>rca_results</c> table.</summary>
internal static class PostgresRcaResults
{
    private const string Insert = """
        INSERT INTO rca_results (id, incident_id, version, commit_sha, suspected_file, suspected_symbol, line_range,
            confidence, reasoning, parameters, evidence, fix_suggestions, tests_to_add, engine, model, prompt_version,
            prompt_tokens, completion_tokens, cost_usd, fallback_reason, report, created_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12, $13::jsonb, $14, $15, $16, $17, $18, $19, $20, $21::jsonb, $22)
        """;

    public static async Task<RcaReport?> FindAsync(NpgsqlConnection connection, RcaCacheKey key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT report::text FROM rca_results
            WHERE incident_id = $1 AND engine = $2 AND prompt_version = $3 AND version IS NOT DISTINCT FROM $4 AND fallback_reason IS NULL
            ORDER BY created_at DESC, id DESC LIMIT 1
            """,
            connection);
        command.Parameters.AddWithValue(key.IncidentId);
        command.Parameters.AddWithValue(key.Engine);
        command.Parameters.AddWithValue(key.PromptVersion);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)key.Version ?? DBNull.Value });
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? RcaResultRow.Read(json) : null;
    }

    public static async Task<string> SaveAsync(NpgsqlConnection connection, RcaResultRow row, CancellationToken cancellationToken)
    {
        await using (var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM incidents WHERE id = $1)", connection))
        {
            exists.Parameters.AddWithValue(row.Key.IncidentId);
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
                throw RcaResultRow.UnknownIncident(row.Key.IncidentId);
        }

        var report = row.Report;
        var cause = report.LikelyRootCause;
        await using var command = new NpgsqlCommand(Insert, connection);
        Add(command, NpgsqlDbType.Text, row.Id);
        Add(command, NpgsqlDbType.Text, row.Key.IncidentId);
        Add(command, NpgsqlDbType.Text, row.Key.Version);
        Add(command, NpgsqlDbType.Text, report.Commit);
        Add(command, NpgsqlDbType.Text, cause.FilePath);
        Add(command, NpgsqlDbType.Text, cause.Symbol);
        Add(command, NpgsqlDbType.Array | NpgsqlDbType.Integer, row.LineStart is null ? null : new[] { row.LineStart.Value, row.LineEnd!.Value });
        Add(command, NpgsqlDbType.Double, cause.Confidence);
        Add(command, NpgsqlDbType.Text, cause.Reasoning);
        Add(command, NpgsqlDbType.Text, row.ParametersJson);
        Add(command, NpgsqlDbType.Text, row.EvidenceJson);
        Add(command, NpgsqlDbType.Array | NpgsqlDbType.Text, report.FixSuggestions.ToArray());
        Add(command, NpgsqlDbType.Text, row.TestsJson);
        Add(command, NpgsqlDbType.Text, row.Key.Engine);
        Add(command, NpgsqlDbType.Text, row.Model);
        Add(command, NpgsqlDbType.Text, row.Key.PromptVersion);
        Add(command, NpgsqlDbType.Integer, (int)Math.Min(int.MaxValue, report.Tokens?.Input ?? 0));
        Add(command, NpgsqlDbType.Integer, (int)Math.Min(int.MaxValue, report.Tokens?.Output ?? 0));
        Add(command, NpgsqlDbType.Numeric, (decimal)(report.Tokens?.CostUsd ?? 0));
        Add(command, NpgsqlDbType.Text, report.FallbackReason);
        Add(command, NpgsqlDbType.Text, row.ReportJson);
        Add(command, NpgsqlDbType.TimestampTz, report.CreatedAt.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
        return row.Id;
    }

    public static async Task<IReadOnlyList<RcaReport>> ListAsync(NpgsqlConnection connection, string incidentId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT report::text FROM rca_results WHERE incident_id = $1 ORDER BY created_at DESC, id DESC", connection);
        command.Parameters.AddWithValue(incidentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var reports = new List<RcaReport>();
        while (await reader.ReadAsync(cancellationToken))
            reports.Add(RcaResultRow.Read(reader.GetString(0)));
        return reports;
    }

    private static void Add(NpgsqlCommand command, NpgsqlDbType type, object? value) =>
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = type, Value = value ?? DBNull.Value });
}
