namespace Culprit.Storage;

/// <summary>
/// A batch in the order every backend writes it: incidents merged per fingerprint and sorted by it, occurrences
/// sorted by (source, line) without repeats, one checkpoint per source. Two writers that lock rows in the same
/// order cannot deadlock.
/// </summary>
internal sealed class PreparedBatch
{
    private PreparedBatch(List<IncidentDelta> incidents, Dictionary<string, string> fingerprints, List<OccurrenceRecord> occurrences, List<SourceCheckpoint> checkpoints)
    {
        Incidents = incidents;
        FingerprintOf = fingerprints;
        Occurrences = occurrences;
        Checkpoints = checkpoints;
    }

    public IReadOnlyList<IncidentDelta> Incidents { get; }

    /// <summary>
    /// The fingerprint of each incident id the batch used. An incident stored earlier keeps its stored id, so
    /// occurrences are filed under the id the store returns for their fingerprint.
    /// </summary>
    public IReadOnlyDictionary<string, string> FingerprintOf { get; }

    public IReadOnlyList<OccurrenceRecord> Occurrences { get; }

    public IReadOnlyList<SourceCheckpoint> Checkpoints { get; }

    /// <exception cref="ArgumentException">An occurrence belongs to an incident the batch does not carry.</exception>
    public static PreparedBatch From(IncidentBatch batch)
    {
        var byFingerprint = new Dictionary<string, IncidentDelta>(StringComparer.Ordinal);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var delta in batch.Incidents)
        {
            ids[delta.Id] = delta.Fingerprint;
            byFingerprint[delta.Fingerprint] = byFingerprint.TryGetValue(delta.Fingerprint, out var seen) ? Merge(seen, delta) : delta;
        }

        var incidents = new List<IncidentDelta>(byFingerprint.Values);
        incidents.Sort((a, b) => string.CompareOrdinal(a.Fingerprint, b.Fingerprint));

        var occurrences = new List<OccurrenceRecord>(batch.Occurrences.Count);
        var keys = new HashSet<(string, long)>();
        foreach (var occurrence in batch.Occurrences)
        {
            if (!ids.ContainsKey(occurrence.IncidentId))
                throw new ArgumentException($"Occurrence {occurrence.Source}:{occurrence.Line} belongs to incident {occurrence.IncidentId}, which the batch does not carry.", nameof(batch));
            if (keys.Add((occurrence.Source, occurrence.Line)))
                occurrences.Add(occurrence);
        }

        occurrences.Sort(static (a, b) =>
        {
            var bySource = string.CompareOrdinal(a.Source, b.Source);
            return bySource != 0 ? bySource : a.Line.CompareTo(b.Line);
        });

        var checkpoints = new Dictionary<string, SourceCheckpoint>(StringComparer.Ordinal);
        foreach (var checkpoint in batch.Checkpoints)
            checkpoints[checkpoint.Source] = checkpoint;
        var orderedCheckpoints = new List<SourceCheckpoint>(checkpoints.Values);
        orderedCheckpoints.Sort((a, b) => string.CompareOrdinal(a.Source, b.Source));
        return new PreparedBatch(incidents, ids, occurrences, orderedCheckpoints);
    }

    /// <summary>The UTC hour a moment falls in.</summary>
    public static DateTimeOffset Hour(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerHour), TimeSpan.Zero);
    }

    private static IncidentDelta Merge(IncidentDelta first, IncidentDelta second)
    {
        var merged = new IncidentDelta
        {
            Id = first.Id,
            Fingerprint = first.Fingerprint,
            GroupingVersion = first.GroupingVersion,
            Basis = first.Basis,
            Title = first.Title,
            CulpritJson = first.CulpritJson,
            RepresentativeId = first.RepresentativeId,
            RepresentativeExceptionJson = first.RepresentativeExceptionJson,
            RepresentativeMessage = first.RepresentativeMessage,
            FirstSeen = Earlier(first.FirstSeen, second.FirstSeen),
            LastSeen = Later(first.LastSeen, second.LastSeen),
        };
        merged.Services.UnionWith(first.Services);
        merged.Services.UnionWith(second.Services);
        merged.Versions.UnionWith(first.Versions);
        merged.Versions.UnionWith(second.Versions);
        return merged;
    }

    private static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null || a <= b ? a : b;

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null || a >= b ? a : b;
}
