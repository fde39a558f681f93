namespace Culprit.Storage.Sqlite;

/// <summary>The occurrences a commit actually inserted: per incident how many and the latest, and per incident and hour how many.</summary>
internal sealed class StoredTally
{
    public Dictionary<string, (long Count, DateTimeOffset? Latest)> PerIncident { get; } = new(StringComparer.Ordinal);

    public Dictionary<(string IncidentId, DateTimeOffset Hour), long> PerHour { get; } = [];

    public void Add(string incidentId, DateTimeOffset? at)
    {
        var (count, latest) = PerIncident.GetValueOrDefault(incidentId);
        PerIncident[incidentId] = (count + 1, at is { } value && (latest is null || value > latest) ? value : latest);
        if (at is { } timestamp)
        {
            var key = (incidentId, PreparedBatch.Hour(timestamp));
            PerHour[key] = PerHour.GetValueOrDefault(key) + 1;
        }
    }
}
