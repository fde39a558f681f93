using System.Text.Json.Serialization;

namespace Culprit.Code.Index;

/// <summary>The call lists stored as JSON in SQLite's <c>code_symbols.calls</c>.</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class CodeIndexJsonContext : JsonSerializerContext;
