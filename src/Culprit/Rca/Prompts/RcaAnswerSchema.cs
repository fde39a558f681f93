using System.Text.Json;
using Json.Schema;

namespace Culprit.Rca.Prompts;

/// <summary>The JSON schema of an LLM's answer (the brief's output, §4.2), embedded as <c>rca-answer.schema.json</c>.</summary>
public static class RcaAnswerSchema
{
    private static readonly Lazy<string> LazyText = new(Read);
    private static readonly Lazy<JsonSchema> LazySchema = new(() => JsonSchema.FromText(LazyText.Value));
    private static readonly Lazy<JsonElement> LazyElement = new(() => JsonDocument.Parse(LazyText.Value).RootElement.Clone());

    public const string Name = "rca_answer";

    public static string Text => LazyText.Value;

    /// <summary>The schema as sent to providers (<c>response_format</c>, Anthropic <c>output_config</c>, Ollama <c>format</c>).</summary>
    public static JsonElement Element => LazyElement.Value;

    public static JsonSchema Schema => LazySchema.Value;

    public static int EstimatedTokens => TokenEstimator.Estimate(Text);

    private static string Read()
    {
        using var stream = typeof(RcaAnswerSchema).Assembly.GetManifestResourceStream("Culprit.Rca.rca-answer.schema.json")
            ?? throw new InvalidOperationException("The RCA answer schema is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
