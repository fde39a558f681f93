using System.Text.Json;
using Culprit.Model;
using Culprit.Rca.Cache;

namespace Culprit.Storage;

/// <summary>The columns of one <c>rca_results</c> row, the same for SQLite and PostgreSQL.</summary>
internal sealed record RcaResultRow(RcaCacheKey Key, RcaReport Report)
{
    public string Id { get; } = Guid.CreateVersion7(Report.CreatedAt == default ? DateTimeOffset.UnixEpoch : Report.CreatedAt).ToString("N");

    /// <summary>The model part of <c>provider:model</c>; null for the heuristic.</summary>
    public string? Model => Key.Engine.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? Key.Engine[(colon + 1)..] : null;

    public string ReportJson => JsonSerializer.Serialize(Report);

    public string ParametersJson => JsonSerializer.Serialize(Report.InvolvedParameters);

    public string EvidenceJson => JsonSerializer.Serialize(Report.SupportingEvidence);

    public string FixesJson => JsonSerializer.Serialize(Report.FixSuggestions);

    public string TestsJson => JsonSerializer.Serialize(Report.TestsToAdd);

    public int? LineStart => Report.LikelyRootCause.LineRange.Count > 0 ? Report.LikelyRootCause.LineRange[0] : null;

    public int? LineEnd => Report.LikelyRootCause.LineRange.Count > 1 ? Report.LikelyRootCause.LineRange[1] : LineStart;

    public static RcaReport Read(string json) =>
        JsonSerializer.Deserialize<RcaReport>(json) ?? throw new InvalidDataException("an rca_results row holds no report");

    public static InvalidOperationException UnknownIncident(string id) =>
        new($"cannot store the analysis: incident '{id}' is not in the incident store");
}
