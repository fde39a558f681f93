namespace Culprit.Storage;

/// <summary>One occurrence: the incident it belongs to and where it was read.</summary>
/// <param name="Sample">The occurrence's text (trace or message), kept as a sample; may be cut by retention.</param>
public sealed record OccurrenceRecord(
    string IncidentId,
    string Source,
    long Line,
    DateTimeOffset? Timestamp,
    string? Service,
    string? Version,
    string? TraceId,
    string? Sample);
