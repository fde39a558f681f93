using Culprit.Storage;

namespace Culprit.IntegrationTests.Storage;

/// <summary>
/// Builds an <see cref="IncidentBatch"/> the way the pipeline does: one delta per fingerprint touched, widened
/// by each occurrence (first/last seen, services, versions), and the occurrences themselves.
/// </summary>
internal sealed class BatchBuilder
{
    private readonly Dictionary<string, IncidentDelta> _deltas = new(StringComparer.Ordinal);
    private readonly IncidentBatch _batch = new();

    /// <summary>The incident id the pipeline derives from a fingerprint (its first 12 characters).</summary>
    public static string IdOf(string fingerprint) => fingerprint.Length > 12 ? fingerprint[..12] : fingerprint;

    public BatchBuilder Occurrence(string fingerprint, string source, long line, DateTimeOffset? at, string? service = "api", string? version = "1.0.0", string? sample = "sample")
    {
        if (!_deltas.TryGetValue(fingerprint, out var delta))
        {
            delta = new IncidentDelta
            {
                Id = IdOf(fingerprint),
                Fingerprint = fingerprint,
                GroupingVersion = "v1",
                Basis = "frames",
                Title = $"InvalidOperationException: {fingerprint} failed",
                CulpritJson = $$"""{"function":"Handle","file":"src/{{fingerprint}}.cs","line":42,"in_app":true}""",
                RepresentativeId = $"{source}:{line}",
                RepresentativeMessage = $"{fingerprint} failed",
                RepresentativeExceptionJson = $$"""{"type":"InvalidOperationException","message":"{{fingerprint}} failed"}""",
                FirstSeen = at,
                LastSeen = at,
            };
            _deltas.Add(fingerprint, delta);
            _batch.Incidents.Add(delta);
        }
        else if (at is { } time)
        {
            if (delta.FirstSeen is null || time < delta.FirstSeen)
                delta.FirstSeen = time;
            if (delta.LastSeen is null || time > delta.LastSeen)
                delta.LastSeen = time;
        }

        if (service is not null)
            delta.Services.Add(service);
        if (version is not null)
            delta.Versions.Add(version);
        _batch.Occurrences.Add(new OccurrenceRecord(delta.Id, source, line, at, service, version, TraceId: null, sample));
        return this;
    }

    public BatchBuilder Checkpoint(string source, long offset, long line, DateTimeOffset at, string? inode = "1234")
    {
        _batch.Checkpoints.Add(new SourceCheckpoint(source, inode, offset, line, at));
        return this;
    }

    public IncidentBatch Build() => _batch;
}
