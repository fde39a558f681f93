using System.Text.Json.Serialization;

namespace Culprit.Rca.Llm;

/// <summary>One message of an archived exchange: <c>system</c>, <c>user</c> or <c>assistant</c>.</summary>
public sealed record RcaTranscriptMessage(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("text")] string Text);
