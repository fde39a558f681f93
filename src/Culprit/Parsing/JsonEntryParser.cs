using System.Globalization;
using System.Text.Json;
using Culprit.Model;

namespace Culprit.Parsing;

/// <summary>Reads one JSON log record, mapping the field names of common loggers onto <see cref="LogEntry"/>.</summary>
public static class JsonEntryParser
{
    private static readonly string[] TimestampKeys = ["@timestamp", "timestamp", "time", "ts", "@t", "t", "datetime", "date", "eventTime", "asctime"];
    private static readonly string[] LevelKeys = ["level", "severity", "log.level", "@l", "lvl", "levelname", "loglevel", "status"];
    private static readonly string[] MessageKeys = ["message", "msg", "@m", "@mt", "log", "text", "event"];
    private static readonly string[] ExceptionKeys = ["exception", "stack_trace", "stacktrace", "stack", "error.stack", "error.stack_trace", "exc_info", "@x", "err.stack", "exception.stacktrace", "error.stacktrace", "trace"];
    private static readonly string[] TraceIdKeys = ["trace_id", "traceId", "traceid", "dd.trace_id", "trace.id", "otel.trace_id", "TraceId", "@tr"];
    private static readonly string[] SpanIdKeys = ["span_id", "spanId", "dd.span_id", "span.id", "SpanId", "@sp"];
    private static readonly string[] RequestIdKeys = ["request_id", "requestId", "req_id", "http.request_id", "RequestId", "x_request_id"];
    private static readonly string[] ServiceKeys = ["service", "service.name", "dd.service", "app", "application", "serviceName"];
    private static readonly string[] EnvironmentKeys = ["env", "environment", "deployment.environment", "dd.env"];
    private static readonly string[] VersionKeys = ["version", "service.version", "dd.version", "app_version"];
    private static readonly string[] CommitKeys = ["commit", "commit_sha", "git_commit", "git.commit.sha", "revision", "vcs.revision"];
    private static readonly string[] LoggerKeys = ["logger", "logger_name", "log.logger", "name", "SourceContext", "category"];
    private static readonly string[] ThreadKeys = ["thread", "thread_name", "threadName", "process.thread.name"];

    /// <summary>Parses <paramref name="line"/> into <paramref name="entry"/>; false when it is not a JSON object.</summary>
    public static bool TryParse(string line, LogEntry entry)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(line, new JsonDocumentOptions { AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return false;
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
            into.TryAdd(key, property.Value.Clone());
            if (property.Value.ValueKind == JsonValueKind.Object && prefix.Length < 64)
                Flatten(property.Value, key, into);
        }
    }

    private static void Fill(LogEntry entry, Dictionary<string, JsonElement> fields)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        entry.Message = Take(fields, MessageKeys, used) ?? "";
        entry.Service = Take(fields, ServiceKeys, used);
        entry.Environment = Take(fields, EnvironmentKeys, used);
        entry.Version = Take(fields, VersionKeys, used);
        entry.CommitSha = Take(fields, CommitKeys, used);
        entry.Logger = Take(fields, LoggerKeys, used);
        entry.Thread = Take(fields, ThreadKeys, used);
        entry.TraceId = Take(fields, TraceIdKeys, used);
        entry.SpanId = Take(fields, SpanIdKeys, used);
        entry.RequestId = Take(fields, RequestIdKeys, used);
        entry.ExceptionText = TakeException(fields, used);

        foreach (var key in LevelKeys)
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

        foreach (var key in TimestampKeys)
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
        foreach (var key in ExceptionKeys)
        {
            if (!fields.TryGetValue(key, out var value))
                continue;
            string? text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                // python-json-logger can emit exc_info as a list of lines
                JsonValueKind.Array => string.Join('\n', value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString())),
                _ => null,
            };
            if (string.IsNullOrWhiteSpace(text))
                continue;
            used.Add(key);
            return text;
        }

        return null;
    }
}
