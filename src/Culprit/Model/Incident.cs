namespace Culprit.Model;

/// <summary>A group of occurrences that share one fingerprint: the brief's "cluster".</summary>
public sealed class Incident
{
    /// <summary>Short id derived from the fingerprint (its first 12 hex digits), stable across runs.</summary>
    public required string Id { get; init; }

    /// <summary>The static fingerprint (grouping <see cref="GroupingVersion"/>), 32 hex digits.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>The grouping algorithm that made the fingerprint, e.g. <c>v1</c>.</summary>
    public required string GroupingVersion { get; init; }

    /// <summary>What the fingerprint was built from: <c>frames</c>, <c>all-frames</c>, <c>message</c>, <c>log-message</c> (v1) or <c>log-template</c> (v2).</summary>
    public required string Basis { get; init; }

    /// <summary>"Type: message" of the root exception, or the log message for entries without one.</summary>
    public required string Title { get; set; }

    /// <summary>Innermost in-app frame of the root exception (the likely place to look), when there is one.</summary>
    public Frame? CulpritFrame { get; set; }

    public long Count { get; set; }

    public DateTimeOffset? FirstSeen { get; set; }

    public DateTimeOffset? LastSeen { get; set; }

    public SortedSet<string> Services { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> VersionsSeen { get; } = new(StringComparer.Ordinal);

    /// <summary>Occurrences per hour (UTC, truncated to the hour).</summary>
    public SortedDictionary<DateTimeOffset, long> CountsPerHour { get; } = [];

    public IncidentStatus Status { get; set; } = IncidentStatus.New;

    /// <summary>The first occurrence, kept whole.</summary>
    public required LogEntry Representative { get; set; }

    /// <summary>The exception of the representative occurrence that gave the fingerprint (null for plain log lines).</summary>
    public ExceptionInfo? RepresentativeException { get; set; }

    /// <summary>Ids of the occurrences (<c>source:line</c>), in order seen, up to the grouper's limit.</summary>
    public List<string> OccurrenceIds { get; } = [];

    /// <summary>
    /// Templates of the other log lines in the same trace or request as an occurrence, most frequent first
    /// (bounded, see <c>RelatedTemplateTracker</c>); empty when the entries carry no trace or request id.
    /// </summary>
    public List<RelatedTemplate> RelatedTemplates { get; } = [];
}
