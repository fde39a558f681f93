namespace Culprit.Storage;

/// <summary>
/// What one batch of ingested entries adds to the incident store, committed in one transaction together
/// with the checkpoints of the sources it covers, so a crash loses and duplicates nothing.
/// </summary>
public sealed class IncidentBatch
{
    /// <summary>
    /// Per incident (by fingerprint): what this batch adds to it. Every incident an occurrence of the batch
    /// belongs to must be here.
    /// </summary>
    public List<IncidentDelta> Incidents { get; } = [];

    /// <summary>
    /// Each occurrence once; keyed by (source, line) so that replaying a batch adds nothing. Counts and counts
    /// per hour come from the occurrences the store did not have yet, never from the batch's own tallies.
    /// </summary>
    public List<OccurrenceRecord> Occurrences { get; } = [];

    /// <summary>Where each source stands once this batch is stored.</summary>
    public List<SourceCheckpoint> Checkpoints { get; } = [];
}
