using System.Globalization;
using System.Text;
using System.Text.Json;
using Culprit.Model;

namespace Culprit.Parsing;

/// <summary>Reads one JSON log record, mapping the field names of common loggers onto <see cref="LogEntry"/>.</summary>
public static class JsonEntryParser
{
    /// <summary>Parses <paramref name="line"/> into <paramref name="entry"/>; false when it is not a JSON object.</summary>
    public static bool TryParse(string line, LogEntry entry)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(line, new JsonDocumentOptions { AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return false;
            // the elements point into the document, which lives until Fill is done
            Flatten(document.RootElement, "", fields);
            Fill(entry, fields);
            return true;
        }
        catch (JsonException e)
        {
            entry.ParseNote = (entry.ParseNote is null ? "" : entry.ParseNote + "; ") + $"broken JSON: {e.Message}";
            return false;
        }
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, JsonElement> into)
    {
        foreach (var property in element.EnumerateObject())
        {
            var key = prefix.Length == 0 ? property.Name : prefix + "." + property.Name;
            into.TryAdd(key, property.Value);
            if (property.Value.ValueKind == JsonValueKind.Object && prefix.Length < 64)
                Flatten(property.Value, key, into);
        }
    }

    private static void Fill(LogEntry entry, Dictionary<string, JsonElement> fields)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        entry.Message = Take(fields, FieldAliases.MessageKeys, used) ?? "";
        entry.Service = Take(fields, FieldAliases.ServiceKeys, used);
        entry.Environment = Take(fields, FieldAliases.EnvironmentKeys, used);
        entry.Version = Take(fields, FieldAliases.VersionKeys, used);
        entry.CommitSha = Take(fields, FieldAliases.CommitKeys, used);
        entry.Logger = Take(fields, FieldAliases.LoggerKeys, used);
        entry.Thread = Take(fields, FieldAliases.ThreadKeys, used);
        entry.TraceId = Take(fields, FieldAliases.TraceIdKeys, used);
        entry.SpanId = Take(fields, FieldAliases.SpanIdKeys, used);
        entry.RequestId = Take(fields, FieldAliases.RequestIdKeys, used);
        entry.ExceptionText = TakeException(fields, used);

        foreach (var key in FieldAliases.LevelKeys)
        {
            if (!fields.TryGetValue(key, out var value))
                continue;
            var level = value.ValueKind switch
            {
                JsonValueKind.Number when value.TryGetInt64(out var n) => LevelNames.FromNumber(n),
                JsonValueKind.String => LevelNames.Parse(value.GetString()),
                _ => LogLevel.Unknown,
            };
            if (level == LogLevel.Unknown)
                continue;
            entry.Level = level;
            used.Add(key);
            break;
        }

        foreach (var key in FieldAliases.TimestampKeys)
        {
            if (!fields.TryGetValue(key, out var value))
                continue;
            if (Timestamps.TryParse(value, out var timestamp))
            {
                entry.Timestamp = timestamp;
                used.Add(key);
                break;
            }
        }

        foreach (var (key, value) in fields)
        {
            if (used.Contains(key) || value.ValueKind is JsonValueKind.Object)
                continue;
            entry.Attributes[key] = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        }
    }

    private static string? Take(Dictionary<string, JsonElement> fields, string[] keys, HashSet<string> used)
    {
        foreach (var key in keys)
        {
            if (!fields.TryGetValue(key, out var value))
                continue;
            var text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => null,
            };
            if (string.IsNullOrEmpty(text))
                continue;
            used.Add(key);
            return text;
        }

        return null;
    }

    private static string? TakeException(Dictionary<string, JsonElement> fields, HashSet<string> used)
    {
        foreach (var key in FieldAliases.ExceptionKeys)
        {
            if (!fields.TryGetValue(key, out var value))
                continue;
            string? text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                // python-json-logger can emit exc_info as a list of lines
                JsonValueKind.Array => JoinLines(value),
                _ => null,
            };
            if (string.IsNullOrWhiteSpace(text))
                continue;
            used.Add(key);
            return text;
        }

        return null;
    }

    private static string JoinLines(JsonElement array)
    {
        var builder = new StringBuilder();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
                continue;
            if (builder.Length > 0)
                builder.Append('\n');
            builder.Append(item.GetString());
        }

        return builder.ToString();
    }
}
