using System.Buffers;
using System.Data.Common;
using System.Text.Encodings.Web;
using System.Text.Json;
using Culprit.Model;

namespace Culprit.Storage.DuckDb;

/// <summary>Reads a <see cref="LogRow"/> back (<see cref="DuckDbLogSchema.Columns"/>), and writes its JSON columns.</summary>
internal sealed class DuckDbLogRows : IDisposable
{
    private readonly ArrayBufferWriter<byte> _json = new(256);
    private readonly Utf8JsonWriter _writer;

    public DuckDbLogRows() =>
        _writer = new Utf8JsonWriter(_json, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public void Dispose() => _writer.Dispose();

    public static LogRow Read(DbDataReader r) => new()
    {
        Source = r.GetString(0),
        Line = r.GetInt64(1),
        LastLine = r.GetInt64(2),
        ByteOffset = r.GetInt64(3),
        Timestamp = r.IsDBNull(4) ? null : new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(4), DateTimeKind.Utc)),
        Level = (LogLevel)r.GetByte(5),
        Service = Text(r, 6),
        Environment = Text(r, 7),
        Version = Text(r, 8),
        CommitSha = Text(r, 9),
        Logger = Text(r, 10),
        Thread = Text(r, 11),
        Message = r.GetString(12),
        TemplateId = Text(r, 13),
        TemplateParameters = r.IsDBNull(14) ? null : ParseParameters(r.GetString(14)),
        ExceptionType = Text(r, 15),
        ExceptionJson = Text(r, 16),
        IncidentId = Text(r, 17),
        CulpritFile = Text(r, 18),
        CulpritFunction = Text(r, 19),
        Attributes = r.IsDBNull(20) ? new Dictionary<string, string>() : ParseAttributes(r.GetString(20)),
        TraceId = Text(r, 21),
        SpanId = Text(r, 22),
        RequestId = Text(r, 23),
        Format = r.GetString(24),
        ParseNote = Text(r, 25),
    };

    /// <summary>Template parameters as a JSON array in UTF-8, valid until the next call; empty when there are none.</summary>
    public ReadOnlySpan<byte> ParametersJson(IReadOnlyList<string>? parameters)
    {
        if (parameters is null || parameters.Count == 0)
            return default;
        Start();
        _writer.WriteStartArray();
        for (var i = 0; i < parameters.Count; i++)
            _writer.WriteStringValue(parameters[i]);
        _writer.WriteEndArray();
        return Finish();
    }

    /// <summary>Attributes as one JSON object in UTF-8, valid until the next call; empty when there are none.</summary>
    public ReadOnlySpan<byte> AttributesJson(IReadOnlyDictionary<string, string>? attributes)
    {
        if (attributes is null || attributes.Count == 0)
            return default;
        Start();
        _writer.WriteStartObject();
        foreach (var (key, value) in attributes)
            _writer.WriteString(key, value);
        _writer.WriteEndObject();
        return Finish();
    }

    private void Start()
    {
        _json.ResetWrittenCount();
        _writer.Reset(_json);
    }

    private ReadOnlySpan<byte> Finish()
    {
        _writer.Flush();
        return _json.WrittenSpan;
    }

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static List<string> ParseParameters(string json)
    {
        using var document = JsonDocument.Parse(json);
        var parameters = new List<string>(document.RootElement.GetArrayLength());
        foreach (var item in document.RootElement.EnumerateArray())
            parameters.Add(item.GetString() ?? "");
        return parameters;
    }

    private static Dictionary<string, string> ParseAttributes(string json)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
            attributes[property.Name] = property.Value.GetString() ?? "";
        return attributes;
    }
}
