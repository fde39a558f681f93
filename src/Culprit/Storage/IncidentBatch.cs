using Culprit.Model;

namespace Culprit.Storage;

/// <summary>
/// What one batch of ingested entries adds to the incident store, committed in one transaction together
/// with the checkpoints of the sources it covers, so a crash loses and duplicates nothing.
/// </summary>
public sealed class IncidentBatch
{
    /// <summary>Per incident (by fingerprint): what this batch adds to it.</summary>
    public List<IncidentDelta> Incidents { get; } = [];

    /// <summary>Each occurrence once; keyed by (source, line) so that replaying a batch adds nothing.</summary>
    public List<OccurrenceRecord> Occurrences { get; } = [];

    /// <summary>Where each source stands once this batch is stored.</summary>
    public List<SourceCheckpoint> Checkpoints { get; } = [];
}

/// <summary>An incident as first seen in a batch, plus the batch's additions to its counters.</summary>
public sealed class IncidentDelta
{
    public required string Id { get; init; }

    public required string Fingerprint { get; init; }

    public required string GroupingVersion { get; init; }

    public required string Basis { get; init; }

    public required string Title { get; init; }

    /// <summary>The culprit frame as JSON (the <c>culprit exceptions</c> frame shape), or null.</summary>
    public string? CulpritJson { get; init; }

    /// <summary>The representative occurrence: its id, and its exception as JSON (or null for a plain error line).</summary>
    public required string RepresentativeId { get; init; }

    public string? RepresentativeExceptionJson { get; init; }

    public required string RepresentativeMessage { get; init; }

    public DateTimeOffset? FirstSeen { get; set; }

    public DateTimeOffset? LastSeen { get; set; }

    public SortedSet<string> Services { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Versions { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<DateTimeOffset, long> CountsPerHour { get; } = [];
}

/// <summary>One occurrence: the incident it belongs to and where it was read.</summary>
public sealed record OccurrenceRecord(
    string IncidentId,
    string Source,
    long Line,
    DateTimeOffset? Timestamp,
    string? Service,
    string? Version,
    string? TraceId,
    /// <summary>The occurrence's text (trace or message), kept as a sample; may be cut by retention.</summary>
    string? Sample);

/// <summary>How far a source has been read: for files the path, inode, byte offset and line number after the last stored entry.</summary>
public sealed record SourceCheckpoint(string Source, string? Inode, long Offset, long Line, DateTimeOffset UpdatedAt);
