using Culprit.Exceptions;
using Culprit.Grouping;
using Culprit.Model;

namespace Culprit.Storage;

/// <summary>Collects the occurrences grouped since the last flush into an <see cref="IncidentBatch"/>.</summary>
public sealed class IncidentBatchBuilder
{
    /// <summary>Longest sample text kept per occurrence.</summary>
    public const int MaxSampleChars = 8192;

    private readonly Dictionary<string, IncidentDelta> _deltas = new(StringComparer.Ordinal);
    private IncidentBatch _batch = new();

    public int Occurrences => _batch.Occurrences.Count;

    /// <summary>Records one occurrence of <paramref name="incident"/> (the grouper's callback).</summary>
    public void Add(Incident incident, LogEntry entry, ExceptionInfo? exception)
    {
        if (!_deltas.TryGetValue(incident.Fingerprint, out var delta))
        {
            delta = new IncidentDelta
            {
                Id = incident.Id,
                Fingerprint = incident.Fingerprint,
                GroupingVersion = incident.GroupingVersion,
                Basis = incident.Basis,
                Title = IncidentGrouper.Title(entry, exception),
                CulpritJson = exception is not null && IncidentGrouper.CulpritFrame(exception) is { } frame ? ExceptionJson.FrameToJson(frame) : null,
                RepresentativeId = IncidentGrouper.OccurrenceLine(entry, exception),
                RepresentativeMessage = Cut(entry.Message),
                RepresentativeExceptionJson = exception is null ? null : ExceptionJson.ToJson(entry.Position.Source, exception),
                FirstSeen = entry.Timestamp,
                LastSeen = entry.Timestamp,
            };
            _deltas.Add(incident.Fingerprint, delta);
            _batch.Incidents.Add(delta);
        }
        else if (entry.Timestamp is { } at)
        {
            if (delta.FirstSeen is null || at < delta.FirstSeen)
                delta.FirstSeen = at;
            if (delta.LastSeen is null || at > delta.LastSeen)
                delta.LastSeen = at;
        }

        if (entry.Service is { } service)
            delta.Services.Add(service);
        if (entry.Version is { } version)
            delta.Versions.Add(version);
        _batch.Occurrences.Add(new OccurrenceRecord(
            incident.Id,
            entry.Position.Source,
            exception is null || exception.FirstLine == 0 ? entry.Position.FirstLine : exception.FirstLine,
            entry.Timestamp,
            entry.Service,
            entry.Version,
            entry.TraceId,
            Cut(exception?.Raw ?? entry.Message)));
    }

    /// <summary>Hands over the batch (with the given checkpoint) and starts a new one.</summary>
    public IncidentBatch Take(SourceCheckpoint? checkpoint)
    {
        var batch = _batch;
        if (checkpoint is not null)
            batch.Checkpoints.Add(checkpoint);
        _batch = new IncidentBatch();
        _deltas.Clear();
        return batch;
    }

    private static string Cut(string text) => text.Length <= MaxSampleChars ? text : text[..MaxSampleChars];
}
