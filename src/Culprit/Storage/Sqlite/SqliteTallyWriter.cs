using Culprit.Model;
using Microsoft.Data.Sqlite;

namespace Culprit.Storage.Sqlite;

/// <summary>Adds a commit's inserted occurrences to the incidents' counts and hourly counts, and marks resolved incidents that recur as regressed.</summary>
internal static class SqliteTallyWriter
{
    private const string AddHour = """
        INSERT INTO incident_hourly_counts (incident_id, hour, count) VALUES ($id, $hour, $count)
        ON CONFLICT (incident_id, hour) DO UPDATE SET count = count + excluded.count;
        """;

    private const string Regress = """
        UPDATE incidents SET status = 'regressed', status_changed_at = $now WHERE id = $id;
        INSERT INTO status_history (incident_id, from_status, to_status, actor, note, changed_at)
        VALUES ($id, 'resolved', 'regressed', 'culprit', $note, $now);
        """;

    public static async Task WriteAsync(SqliteConnection connection, StoredTally tally, Dictionary<string, StoredIncident> stored, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (var count = SqliteCommands.Create(connection, "UPDATE incidents SET count = count + $count WHERE id = $id;", ("$id", null), ("$count", null)))
        {
            foreach (var (id, (added, _)) in tally.PerIncident)
            {
                SqliteCommands.Set(count, "$id", id);
                SqliteCommands.Set(count, "$count", added);
                await count.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await using (var hour = SqliteCommands.Create(connection, AddHour, ("$id", null), ("$hour", null), ("$count", null)))
        {
            foreach (var ((id, at), added) in tally.PerHour)
            {
                SqliteCommands.Set(hour, "$id", id);
                SqliteCommands.Set(hour, "$hour", SqliteTime.ToMicros(at));
                SqliteCommands.Set(hour, "$count", added);
                await hour.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        foreach (var incident in stored.Values)
        {
            if (incident.Status != IncidentStatus.Resolved || !tally.PerIncident.TryGetValue(incident.Id, out var added))
                continue;
            if (added.Latest is not { } latest || (incident.StatusChangedAt is { } resolvedAt && latest <= resolvedAt))
                continue;
            await SqliteCommands.ExecuteAsync(connection, Regress, cancellationToken,
                ("$id", incident.Id), ("$now", SqliteTime.ToMicros(now)), ("$note", RegressionNote.For(latest)));
        }
    }
}
