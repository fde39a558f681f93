using System.Text.Json.Serialization;

namespace Culprit.Model;

/// <summary>
/// The brief's RCA output schema (§4.2), kept field for field, plus the record of how it was made.
/// Serialised with snake_case names: <c>likely_root_cause</c>, <c>involved_parameters</c>, ….
/// </summary>
public sealed record RcaReport
{
    [JsonPropertyName("incident_id")]
    public required string IncidentId { get; init; }

    [JsonPropertyName("likely_root_cause")]
    public required RootCause LikelyRootCause { get; init; }

    [JsonPropertyName("supporting_evidence")]
    public IReadOnlyList<string> SupportingEvidence { get; init; } = [];

    [JsonPropertyName("involved_parameters")]
    public IReadOnlyList<InvolvedParameter> InvolvedParameters { get; init; } = [];

    [JsonPropertyName("fix_suggestions")]
    public IReadOnlyList<string> FixSuggestions { get; init; } = [];

    [JsonPropertyName("tests_to_add")]
    public IReadOnlyList<string> TestsToAdd { get; init; } = [];

    /// <summary><c>heuristic</c> or the model that answered, e.g. <c>openai:gpt-4o-mini</c>.</summary>
    [JsonPropertyName("engine")]
    public string Engine { get; init; } = "heuristic";

    [JsonPropertyName("version")]
    public string? Version { get; init; }

    [JsonPropertyName("commit")]
    public string? Commit { get; init; }

    /// <summary>Why an LLM answer was not used and the heuristic's was (invalid JSON, timeout …); null otherwise.</summary>
    [JsonPropertyName("fallback_reason")]
    public string? FallbackReason { get; init; }

    [JsonPropertyName("candidates")]
    public IReadOnlyList<RcaCandidateSummary> Candidates { get; init; } = [];

    [JsonPropertyName("tokens")]
    public TokenUsage? Tokens { get; init; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed record RootCause
{
    [JsonPropertyName("file_path")]
    public required string FilePath { get; init; }

    [JsonPropertyName("symbol")]
    public required string Symbol { get; init; }

    /// <summary>[first, last], 1-based inclusive.</summary>
    [JsonPropertyName("line_range")]
    public required IReadOnlyList<int> LineRange { get; init; }

    [JsonPropertyName("confidence")]
    public required double Confidence { get; init; }

    [JsonPropertyName("reasoning")]
    public required string Reasoning { get; init; }
}

public sealed record InvolvedParameter
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("value")]
    public required string Value { get; init; }

    [JsonPropertyName("why_relevant")]
    public required string WhyRelevant { get; init; }
}

/// <summary>A candidate the analysis considered, with its score (see docs/rca.md).</summary>
public sealed record RcaCandidateSummary
{
    [JsonPropertyName("file")]
    public required string File { get; init; }

    [JsonPropertyName("symbol")]
    public required string Symbol { get; init; }

    [JsonPropertyName("start_line")]
    public required int StartLine { get; init; }

    [JsonPropertyName("end_line")]
    public required int EndLine { get; init; }

    [JsonPropertyName("score")]
    public required double Score { get; init; }
}

public sealed record TokenUsage
{
    [JsonPropertyName("input")]
    public long Input { get; init; }

    [JsonPropertyName("output")]
    public long Output { get; init; }

    /// <summary>Estimated cost in US dollars from the configured price per million tokens; null when no price is set.</summary>
    [JsonPropertyName("cost_usd")]
    public double? CostUsd { get; init; }
}
