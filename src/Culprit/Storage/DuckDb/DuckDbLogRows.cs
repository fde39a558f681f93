using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Culprit.Model;
using DuckDB.NET.Data;

namespace Culprit.Storage.DuckDb;

/// <summary>Writes a <see cref="LogRow"/> through the appender and reads it back, column for column (<see cref="DuckDbLogSchema.Columns"/>).</summary>
internal sealed class DuckDbLogRows : IDisposable
{
    private readonly ArrayBufferWriter<byte> _json = new(256);
    private readonly Utf8JsonWriter _jsonWriter;

    public DuckDbLogRows() =>
        _jsonWriter = new Utf8JsonWriter(_json, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public void Dispose() => _jsonWriter.Dispose();

    public void Append(DuckDBAppender appender, LogRow row)
    {
        var parameters = row.TemplateParameters is { Count: > 0 } list ? DuckDbText.Encode(list) : null;
        var appended = appender.CreateRow()
            .AppendValue(DuckDbText.Encode(row.Source))
            .AppendValue(row.Line)
            .AppendValue(row.LastLine)
            .AppendValue(row.ByteOffset)
            .AppendValue(row.Timestamp is { } ts ? DuckDbLogFilter.ToTimestamp(ts) : null)
            .AppendValue((byte)row.Level)
            .AppendValue(Text(row.Service))
            .AppendValue(Text(row.Environment))
            .AppendValue(Text(row.Version))
            .AppendValue(Text(row.CommitSha))
            .AppendValue(Text(row.Logger))
            .AppendValue(Text(row.Thread))
            .AppendValue(DuckDbText.Encode(row.Message ?? ""))
            .AppendValue(Text(row.TemplateId));
        appended = parameters is null ? appended.AppendNullValue() : appended.AppendValue(parameters);
        appended
            .AppendValue(Text(row.ExceptionType))
            .AppendValue(Text(row.ExceptionJson))
            .AppendValue(Text(row.IncidentId))
            .AppendValue(Text(row.CulpritFile))
            .AppendValue(Text(row.CulpritFunction))
            .AppendValue(DuckDbText.Encode(AttributesJson(row.Attributes)))
            .AppendValue(Text(row.TraceId))
            .AppendValue(Text(row.SpanId))
            .AppendValue(Text(row.RequestId))
            .AppendValue(DuckDbText.Encode(row.Format ?? ""))
            .AppendValue(Text(row.ParseNote))
            .EndRow();
    }

    public static LogRow Read(DbDataReader r) => new()
    {
        Source = DuckDbText.Decode(r.GetString(0)),
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
        Message = DuckDbText.Decode(r.GetString(12)),
        TemplateId = Text(r, 13),
        TemplateParameters = r.IsDBNull(14) ? null : r.GetFieldValue<List<string>>(14).ConvertAll(DuckDbText.Decode),
        ExceptionType = Text(r, 15),
        ExceptionJson = Text(r, 16),
        IncidentId = Text(r, 17),
        CulpritFile = Text(r, 18),
        CulpritFunction = Text(r, 19),
        Attributes = r.IsDBNull(20) ? new Dictionary<string, string>() : ParseAttributes(DuckDbText.Decode(r.GetString(20))),
        TraceId = Text(r, 21),
        SpanId = Text(r, 22),
        RequestId = Text(r, 23),
        Format = DuckDbText.Decode(r.GetString(24)),
        ParseNote = Text(r, 25),
    };

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : DuckDbText.Decode(r.GetString(i));

    private static string? Text(string? value) => DuckDbText.Encode(LogRowText.NullIfEmpty(value));

    /// <summary>Attributes as one JSON object (null when there are none), so DuckDB's JSON functions can read them.</summary>
    private string? AttributesJson(IReadOnlyDictionary<string, string>? attributes)
    {
        if (attributes is null || attributes.Count == 0)
            return null;
        _json.ResetWrittenCount();
        _jsonWriter.Reset(_json);
        _jsonWriter.WriteStartObject();
        foreach (var (key, value) in attributes)
            _jsonWriter.WriteString(key, value);
        _jsonWriter.WriteEndObject();
        _jsonWriter.Flush();
        return Encoding.UTF8.GetString(_json.WrittenSpan);
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
