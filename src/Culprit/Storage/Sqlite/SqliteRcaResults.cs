using Culprit.Model;
using Culprit.Rca.Cache;
using Microsoft.Data.Sqlite;

namespace Culprit.Storage.Sqlite;

/// <summary>Reads and writes analyses in the <c>rca_results</c> table.</summary>
internal static class SqliteRcaResults
{
    private const string Insert = """
        INSERT INTO rca_results (id, incident_id, version, commit_sha, suspected_file, suspected_symbol, line_start, line_end,
            confidence, reasoning, parameters, evidence, fix_suggestions, tests_to_add, engine, model, prompt_version,
            prompt_tokens, completion_tokens, cost_usd, fallback_reason, report, created_at)
        VALUES ($id, $incident, $version, $commit, $file, $symbol, $start, $end, $confidence, $reasoning, $parameters, $evidence,
            $fixes, $tests, $engine, $model, $prompt, $in, $out, $cost, $fallback, $report, $at)
        """;

    public static async Task<RcaReport?> FindAsync(SqliteConnection connection, RcaCacheKey key, CancellationToken cancellationToken)
    {
        await using var command = SqliteCommands.Create(
            connection,
            """
            SELECT report FROM rca_results
            WHERE incident_id = $incident AND engine = $engine AND prompt_version = $prompt AND version IS $version AND fallback_reason IS NULL
            ORDER BY created_at DESC, id DESC LIMIT 1
            """,
            ("$incident", key.IncidentId),
            ("$engine", key.Engine),
            ("$prompt", key.PromptVersion),
            ("$version", key.Version));
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? RcaResultRow.Read(json) : null;
    }

    public static async Task<string> SaveAsync(SqliteConnection connection, RcaResultRow row, CancellationToken cancellationToken)
    {
        if (await SqliteCommands.ScalarAsync(connection, "SELECT count(*) FROM incidents WHERE id = $id", cancellationToken, ("$id", row.Key.IncidentId)) == 0)
            throw RcaResultRow.UnknownIncident(row.Key.IncidentId);
        var report = row.Report;
        var cause = report.LikelyRootCause;
        await SqliteCommands.ExecuteAsync(
            connection,
            Insert,
            cancellationToken,
            ("$id", row.Id),
            ("$incident", row.Key.IncidentId),
            ("$version", row.Key.Version),
            ("$commit", report.Commit),
            ("$file", cause.FilePath),
            ("$symbol", cause.Symbol),
            ("$start", row.LineStart),
            ("$end", row.LineEnd),
            ("$confidence", cause.Confidence),
            ("$reasoning", cause.Reasoning),
            ("$parameters", row.ParametersJson),
            ("$evidence", row.EvidenceJson),
            ("$fixes", row.FixesJson),
            ("$tests", row.TestsJson),
            ("$engine", row.Key.Engine),
            ("$model", row.Model),
            ("$prompt", row.Key.PromptVersion),
            ("$in", report.Tokens?.Input ?? 0),
            ("$out", report.Tokens?.Output ?? 0),
            ("$cost", report.Tokens?.CostUsd ?? 0),
            ("$fallback", report.FallbackReason),
            ("$report", row.ReportJson),
            ("$at", SqliteTime.ToMicros(report.CreatedAt)));
        return row.Id;
    }

    public static async Task<IReadOnlyList<RcaReport>> ListAsync(SqliteConnection connection, string incidentId, CancellationToken cancellationToken)
    {
        await using var command = SqliteCommands.Create(connection, "SELECT report FROM rca_results WHERE incident_id = $incident ORDER BY created_at DESC, id DESC", ("$incident", incidentId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var reports = new List<RcaReport>();
        while (await reader.ReadAsync(cancellationToken))
            reports.Add(RcaResultRow.Read(reader.GetString(0)));
        return reports;
    }
}
