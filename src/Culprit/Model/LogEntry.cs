namespace Culprit.Model;

/// <summary>One normalised log entry: a header line with whatever continuation lines belong to it.</summary>
public sealed class LogEntry
{
    /// <summary>Stable id within a run: <c>source:firstLine</c>.</summary>
    public string Id => $"{Position.Source}:{Position.FirstLine}";

    public DateTimeOffset? Timestamp { get; set; }

    public LogLevel Level { get; set; }

    public string? Service { get; set; }

    public string? Environment { get; set; }

    public string? Version { get; set; }

    public string? CommitSha { get; set; }

    public string? Logger { get; set; }

    public string? Thread { get; set; }

    /// <summary>The message: the first line's text after its header, plus continuation lines that are not part of a trace.</summary>
    public string Message { get; set; } = "";

    /// <summary>Trace text from a structured field (JSON <c>stack_trace</c>, <c>exc_info</c> …), decoded, before trace parsing.</summary>
    public string? ExceptionText { get; set; }

    public string? TemplateId { get; set; }

    public IReadOnlyList<string>? TemplateParameters { get; set; }

    /// <summary>Exceptions found in this entry, in order of appearance.</summary>
    public List<ExceptionInfo> Exceptions { get; } = [];

    /// <summary>The first exception, if any.</summary>
    public ExceptionInfo? Exception => Exceptions.Count > 0 ? Exceptions[0] : null;

    public Dictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);

    public string? TraceId { get; set; }

    public string? SpanId { get; set; }

    public string? RequestId { get; set; }

    public string Format { get; set; } = "";

    public SourcePosition Position { get; set; }

    /// <summary>What could not be read cleanly (cut lines, broken JSON, replaced bytes); null when clean.</summary>
    public string? ParseNote { get; set; }
}
