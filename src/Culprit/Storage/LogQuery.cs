using Culprit.Model;

namespace Culprit.Storage;

/// <summary>Filters shared by log search, timelines and heatmaps. Every filter is optional.</summary>
public sealed record LogQuery
{
    /// <summary>Words that must all appear in the message (case-insensitive substring match).</summary>
    public string? Text { get; init; }

    public string? Service { get; init; }

    public string? Environment { get; init; }

    /// <summary>Lowest level kept.</summary>
    public LogLevel? MinLevel { get; init; }

    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive end.</summary>
    public DateTimeOffset? To { get; init; }

    public string? IncidentId { get; init; }

    public string? TraceId { get; init; }

    /// <summary>Entries of one request (<c>request_id</c>).</summary>
    public string? RequestId { get; init; }

    public int Limit { get; init; } = 100;
}

public sealed record TimeBucket(DateTimeOffset Start, long Count);

public sealed record IncidentCount(string IncidentId, long Count);

public sealed record HeatmapCell(string File, string Function, long Count);
