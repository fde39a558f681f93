using System.Collections.Frozen;
using Culprit.Model;

namespace Culprit.Parsing;

/// <summary>
/// The field names common loggers use for each <see cref="LogEntry"/> property, best first (the PascalCase
/// ones are Microsoft.Extensions.Logging's JSON console and Serilog's JSON formatter). JSON records,
/// logfmt lines, syslog structured data and key=value pairs in plain messages all map through these lists.
/// </summary>
internal static class FieldAliases
{
    public static readonly string[] TimestampKeys = ["@timestamp", "timestamp", "time", "ts", "@t", "t", "datetime", "date", "eventTime", "asctime", "Timestamp"];
    public static readonly string[] LevelKeys = ["level", "severity", "log.level", "@l", "lvl", "levelname", "loglevel", "LogLevel", "Level", "status"];
    public static readonly string[] MessageKeys = ["message", "msg", "@m", "@mt", "log", "text", "event", "Message", "RenderedMessage", "MessageTemplate"];
    public static readonly string[] ExceptionKeys = ["exception", "stack_trace", "stacktrace", "stack", "error.stack", "error.stack_trace", "exc_info", "@x", "err.stack", "exception.stacktrace", "error.stacktrace", "Exception", "trace"];
    public static readonly string[] TraceIdKeys = ["trace_id", "traceId", "traceid", "dd.trace_id", "trace.id", "otel.trace_id", "TraceId", "@tr"];
    public static readonly string[] SpanIdKeys = ["span_id", "spanId", "dd.span_id", "span.id", "SpanId", "@sp"];
    public static readonly string[] RequestIdKeys = ["request_id", "requestId", "req_id", "http.request_id", "RequestId", "x_request_id"];
    public static readonly string[] ServiceKeys = ["service", "service.name", "dd.service", "app", "application", "serviceName"];
    public static readonly string[] EnvironmentKeys = ["env", "environment", "deployment.environment", "dd.env"];
    public static readonly string[] VersionKeys = ["version", "service.version", "dd.version", "app_version"];
    public static readonly string[] CommitKeys = ["commit", "commit_sha", "git_commit", "git.commit.sha", "revision", "vcs.revision"];
    public static readonly string[] LoggerKeys = ["logger", "logger_name", "log.logger", "name", "SourceContext", "category", "Category"];
    public static readonly string[] ThreadKeys = ["thread", "thread_name", "threadName", "process.thread.name"];

    private static readonly FrozenDictionary<string, (FieldKind Kind, int Rank)> ByName = Build();
    private static readonly FrozenDictionary<string, (FieldKind Kind, int Rank)>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The property <paramref name="key"/> names, and its rank in that property's list (0 = best).</summary>
    public static FieldKind Classify(ReadOnlySpan<char> key, out int rank)
    {
        if (BySpan.TryGetValue(key, out var found))
        {
            rank = found.Rank;
            return found.Kind;
        }

        rank = int.MaxValue;
        return FieldKind.None;
    }

    /// <summary>The field name of rank <paramref name="rank"/> in the list of <paramref name="kind"/>.</summary>
    public static string KeyOf(FieldKind kind, int rank)
    {
        var keys = kind switch
        {
            FieldKind.Timestamp => TimestampKeys,
            FieldKind.Level => LevelKeys,
            FieldKind.Message => MessageKeys,
            FieldKind.Exception => ExceptionKeys,
            FieldKind.TraceId => TraceIdKeys,
            FieldKind.SpanId => SpanIdKeys,
            FieldKind.RequestId => RequestIdKeys,
            FieldKind.Service => ServiceKeys,
            FieldKind.Environment => EnvironmentKeys,
            FieldKind.Version => VersionKeys,
            FieldKind.Commit => CommitKeys,
            FieldKind.Logger => LoggerKeys,
            FieldKind.Thread => ThreadKeys,
            _ => [],
        };
        return (uint)rank < (uint)keys.Length ? keys[rank] : kind.ToString();
    }

    /// <summary>
    /// A key=value pair found in free text: ids and deployment facts (trace, span and request id, service,
    /// environment, version, commit) fill their property when it is still empty; the rest are attributes.
    /// </summary>
    public static void AddFromText(LogEntry entry, string key, string value)
    {
        switch (Classify(key, out _))
        {
            case FieldKind.TraceId when entry.TraceId is null:
                entry.TraceId = value;
                return;
            case FieldKind.SpanId when entry.SpanId is null:
                entry.SpanId = value;
                return;
            case FieldKind.RequestId when entry.RequestId is null:
                entry.RequestId = value;
                return;
            case FieldKind.Service when entry.Service is null:
                entry.Service = value;
                return;
            case FieldKind.Environment when entry.Environment is null:
                entry.Environment = value;
                return;
            case FieldKind.Version when entry.Version is null:
                entry.Version = value;
                return;
            case FieldKind.Commit when entry.CommitSha is null:
                entry.CommitSha = value;
                return;
            default:
                entry.Attributes[key] = value;
                return;
        }
    }

    private static FrozenDictionary<string, (FieldKind, int)> Build()
    {
        var map = new Dictionary<string, (FieldKind, int)>(StringComparer.Ordinal);
        Add(map, TimestampKeys, FieldKind.Timestamp);
        Add(map, LevelKeys, FieldKind.Level);
        Add(map, MessageKeys, FieldKind.Message);
        Add(map, ExceptionKeys, FieldKind.Exception);
        Add(map, TraceIdKeys, FieldKind.TraceId);
        Add(map, SpanIdKeys, FieldKind.SpanId);
        Add(map, RequestIdKeys, FieldKind.RequestId);
        Add(map, ServiceKeys, FieldKind.Service);
        Add(map, EnvironmentKeys, FieldKind.Environment);
        Add(map, VersionKeys, FieldKind.Version);
        Add(map, CommitKeys, FieldKind.Commit);
        Add(map, LoggerKeys, FieldKind.Logger);
        Add(map, ThreadKeys, FieldKind.Thread);
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, (FieldKind, int)> map, string[] keys, FieldKind kind)
    {
        for (var i = 0; i < keys.Length; i++)
            map.TryAdd(keys[i], (kind, i));
    }
}
