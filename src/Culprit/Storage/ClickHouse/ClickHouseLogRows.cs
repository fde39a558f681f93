using System.Globalization;
using System.Text.Json;
using Culprit.Model;

namespace Culprit.Storage.ClickHouse;

/// <summary>A <see cref="LogRow"/> as RowBinary (<see cref="ClickHouseLogSchema.InsertColumns"/>) and back from JSONEachRow.</summary>
internal static class ClickHouseLogRows
{
    private const long MaxMilliseconds = (uint.MaxValue * 1000L) + 999;

    public static void Write(RowBinaryWriter w, LogRow row)
    {
        w.String(row.Service);
        var note = row.ParseNote;
        if (row.Timestamp is { } ts && ts.ToUnixTimeMilliseconds() is var ms and >= 0 and <= MaxMilliseconds)
        {
            w.UInt32((uint)(ms / 1000));
            w.UInt16((ushort)(ms % 1000));
            w.UInt8(1);
        }
        else
        {
            if (row.Timestamp is { } outside)
                note = Join(note, "time " + outside.ToString("O", CultureInfo.InvariantCulture) + " is outside what ClickHouse's DateTime holds (1970 to 2106); stored without a time");
            w.UInt32(0);
            w.UInt16(0);
            w.UInt8(0);
        }

        w.String(row.Source);
        w.Int64(row.Line);
        w.Int64(row.LastLine);
        w.Int64(row.ByteOffset);
        w.UInt8((byte)row.Level);
        w.String(row.Environment);
        w.String(row.Version);
        w.String(row.CommitSha);
        w.String(row.Logger);
        w.String(row.Thread);
        w.String(row.Message);
        w.String(row.TemplateId);
        w.StringArray(row.TemplateParameters);
        w.String(row.ExceptionType);
        w.String(row.ExceptionJson);
        w.String(row.IncidentId);
        w.String(row.CulpritFile);
        w.String(row.CulpritFunction);
        WriteAttributes(w, row.Attributes);
        w.String(row.TraceId);
        w.String(row.SpanId);
        w.String(row.RequestId);
        w.String(row.Format);
        w.String(note);
    }

    public static LogRow Read(JsonElement r) => new()
    {
        Service = Text(r, "service"),
        Timestamp = r.GetProperty("has_time").GetInt32() == 0
            ? null
            : LogRowText.FromUnixMilliseconds((r.GetProperty("seconds").GetInt64() * 1000) + r.GetProperty("millis").GetInt64()),
        Source = r.GetProperty("source").GetString() ?? "",
        Line = r.GetProperty("line").GetInt64(),
        LastLine = r.GetProperty("last_line").GetInt64(),
        ByteOffset = r.GetProperty("byte_offset").GetInt64(),
        Level = (LogLevel)r.GetProperty("level").GetInt32(),
        Environment = Text(r, "environment"),
        Version = Text(r, "version"),
        CommitSha = Text(r, "commit_sha"),
        Logger = Text(r, "logger"),
        Thread = Text(r, "thread"),
        Message = r.GetProperty("message").GetString() ?? "",
        TemplateId = Text(r, "template_id"),
        TemplateParameters = Strings(r.GetProperty("template_parameters")),
        ExceptionType = Text(r, "exception_type"),
        ExceptionJson = Text(r, "exception_json"),
        IncidentId = Text(r, "incident_id"),
        CulpritFile = Text(r, "culprit_file"),
        CulpritFunction = Text(r, "culprit_function"),
        Attributes = Attributes(r.GetProperty("attribute_keys"), r.GetProperty("attribute_values")),
        TraceId = Text(r, "trace_id"),
        SpanId = Text(r, "span_id"),
        RequestId = Text(r, "request_id"),
        Format = r.GetProperty("format").GetString() ?? "",
        ParseNote = Text(r, "parse_note"),
    };

    private static void WriteAttributes(RowBinaryWriter w, IReadOnlyDictionary<string, string>? attributes)
    {
        if (attributes is null || attributes.Count == 0)
        {
            w.UInt8(0);
            w.UInt8(0);
            return;
        }

        w.VarUInt((ulong)attributes.Count);
        foreach (var key in attributes.Keys)
            w.String(key);
        w.VarUInt((ulong)attributes.Count);
        foreach (var value in attributes.Values)
            w.String(value);
    }

    private static string? Text(JsonElement r, string name) => LogRowText.NullIfEmpty(r.GetProperty(name).GetString());

    private static List<string>? Strings(JsonElement array)
    {
        if (array.GetArrayLength() == 0)
            return null;
        var list = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
            list.Add(item.GetString() ?? "");
        return list;
    }

    private static Dictionary<string, string> Attributes(JsonElement keys, JsonElement values)
    {
        var attributes = new Dictionary<string, string>(keys.GetArrayLength(), StringComparer.Ordinal);
        var valueItems = values.EnumerateArray();
        foreach (var key in keys.EnumerateArray())
        {
            valueItems.MoveNext();
            attributes[key.GetString() ?? ""] = valueItems.Current.GetString() ?? "";
        }

        return attributes;
    }

    private static string Join(string? note, string addition) => string.IsNullOrEmpty(note) ? addition : note + "; " + addition;
}
