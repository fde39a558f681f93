using System.Text.Json.Serialization;

namespace Culprit.Code.Index;

/// <summary>The call lists stored as JSON in SQLite's <c>code_symbols.calls</c>, and id lists passed to <c>json_each</c>.</summary>
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(long[]))]
internal sealed partial class CodeIndexJsonContext : JsonSerializerContext;
