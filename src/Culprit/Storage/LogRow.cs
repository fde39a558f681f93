using Culprit.Model;

namespace Culprit.Storage;

/// <summary>One normalised log entry as the log store keeps it: every field of <see cref="LogEntry"/>, flat.</summary>
public sealed record LogRow
{
    public required string Source { get; init; }

    public required long Line { get; init; }

    public long LastLine { get; init; }

    public long ByteOffset { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public LogLevel Level { get; init; }

    public string? Service { get; init; }

    public string? Environment { get; init; }

    public string? Version { get; init; }

    public string? CommitSha { get; init; }

    public string? Logger { get; init; }

    public string? Thread { get; init; }

    public string Message { get; init; } = "";

    public string? TemplateId { get; init; }

    public IReadOnlyList<string>? TemplateParameters { get; init; }

    /// <summary>Type of the first exception, if any.</summary>
    public string? ExceptionType { get; init; }

    /// <summary>The entry's exceptions in the <c>culprit exceptions</c> JSON shape, if any.</summary>
    public string? ExceptionJson { get; init; }

    /// <summary>The incident this entry's first occurrence was grouped into, if any.</summary>
    public string? IncidentId { get; init; }

    /// <summary>File and function of the culprit frame, for the failure heatmap.</summary>
    public string? CulpritFile { get; init; }

    public string? CulpritFunction { get; init; }

    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    public string? TraceId { get; init; }

    public string? SpanId { get; init; }

    public string? RequestId { get; init; }

    public string Format { get; init; } = "";

    public string? ParseNote { get; init; }
}
