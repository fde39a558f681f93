using System.Text.Json.Serialization;

namespace Culprit.Parsing.Templates;

/// <summary>Source-generated JSON for <see cref="TemplateMinerState"/> (snake_case).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TemplateMinerState))]
internal sealed partial class TemplateStateJsonContext : JsonSerializerContext;
