using System.Text.Json.Serialization;

namespace Culprit.Rca.Llm;

/// <summary>One exchange with a model as archived: the exact (redacted) messages sent and the answer or error received.</summary>
public sealed record RcaTranscript
{
    [JsonPropertyName("incident_id")]
    public required string IncidentId { get; init; }

    [JsonPropertyName("engine")]
    public required string Engine { get; init; }

    [JsonPropertyName("prompt_version")]
    public required string PromptVersion { get; init; }

    /// <summary>1 for the first request, 2 for the repair.</summary>
    [JsonPropertyName("attempt")]
    public required int Attempt { get; init; }

    [JsonPropertyName("at")]
    public required DateTimeOffset At { get; init; }

    [JsonPropertyName("messages")]
    public required IReadOnlyList<RcaTranscriptMessage> Messages { get; init; }

    [JsonPropertyName("answer")]
    public string? Answer { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }

    [JsonPropertyName("input_tokens")]
    public long? InputTokens { get; init; }

    [JsonPropertyName("output_tokens")]
    public long? OutputTokens { get; init; }

    /// <summary>What was left out of the context to fit the token budget.</summary>
    [JsonPropertyName("trimmed")]
    public IReadOnlyList<string> Trimmed { get; init; } = [];
}
