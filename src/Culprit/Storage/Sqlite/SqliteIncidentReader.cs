using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Culprit.Storage.Sqlite;

/// <summary>Reads incidents, their hourly counts and history, and checkpoints.</summary>
internal static class SqliteIncidentReader
{
    private const string Columns = """
        SELECT i.id, i.fingerprint, i.grouping_version, i.basis, i.title, i.count, i.first_seen, i.last_seen, i.status,
            (SELECT json_group_array(service) FROM incident_services WHERE incident_id = i.id),
            (SELECT json_group_array(version) FROM incident_versions WHERE incident_id = i.id),
            i.culprit, i.representative_id, i.representative_message, i.representative_exception
        FROM incidents i
        """;

    public static async Task<IReadOnlyList<IncidentRecord>> ListAsync(SqliteConnection connection, IncidentFilter filter, CancellationToken cancellationToken)
    {
        // Only the filters given become SQL, so that an open-incidents list can use the partial index.
        var sql = new StringBuilder(Columns).Append(" WHERE 1 = 1");
        await using var command = connection.CreateCommand();
        if (filter.Status is { } status)
        {
            sql.Append(" AND i.status = $status");
            command.Parameters.AddWithValue("$status", IncidentStatusText.ToText(status));
        }

        if (filter.OpenOnly)
            sql.Append(" AND i.status NOT IN ('resolved', 'ignored')");
        if (filter.Since is { } since)
        {
            sql.Append(" AND i.last_seen >= $since");
            command.Parameters.AddWithValue("$since", SqliteTime.ToMicros(since));
        }

        if (filter.Service is { } service)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM incident_services s WHERE s.incident_id = i.id AND s.service = $service)");
            command.Parameters.AddWithValue("$service", service);
        }

        sql.Append(" ORDER BY i.count DESC, i.last_seen DESC, i.id LIMIT $limit;");
        command.Parameters.AddWithValue("$limit", filter.Limit);
        command.CommandText = sql.ToString();
        return await ReadAllAsync(command, cancellationToken);
    }

    public static async Task<IncidentRecord?> GetAsync(SqliteConnection connection, string id, CancellationToken cancellationToken)
    {
        await using var command = SqliteCommands.Create(connection, Columns + " WHERE i.id = $id;", ("$id", id));
        var found = await ReadAllAsync(command, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public static async Task<IReadOnlyList<(DateTimeOffset Hour, long Count)>> HourlyAsync(SqliteConnection connection, string id, CancellationToken cancellationToken)
    {
        await using var command = SqliteCommands.Create(connection, "SELECT hour, count FROM incident_hourly_counts WHERE incident_id = $id ORDER BY hour;", ("$id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var hours = new List<(DateTimeOffset, long)>();
        while (await reader.ReadAsync(cancellationToken))
            hours.Add((SqliteTime.FromMicros(reader.GetInt64(0)), reader.GetInt64(1)));
        return hours;
    }

    public static async Task<IReadOnlyList<StatusChange>> HistoryAsync(SqliteConnection connection, string id, CancellationToken cancellationToken)
    {
        await using var command = SqliteCommands.Create(connection,
            "SELECT from_status, to_status, actor, note, changed_at FROM status_history WHERE incident_id = $id ORDER BY id;", ("$id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var changes = new List<StatusChange>();
        while (await reader.ReadAsync(cancellationToken))
        {
            changes.Add(new StatusChange(
                id,
                IncidentStatusText.Parse(reader.GetString(0)),
                IncidentStatusText.Parse(reader.GetString(1)),
                SqliteCommands.NullableString(reader, 2),
                SqliteCommands.NullableString(reader, 3),
                SqliteTime.FromMicros(reader.GetInt64(4))));
        }

        return changes;
    }

    public static async Task<SourceCheckpoint?> CheckpointAsync(SqliteConnection connection, string source, CancellationToken cancellationToken)
    {
        await using var command = SqliteCommands.Create(connection,
            "SELECT inode, byte_offset, line, updated_at FROM source_checkpoints WHERE source = $source;", ("$source", source));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new SourceCheckpoint(source, SqliteCommands.NullableString(reader, 0), reader.GetInt64(1), reader.GetInt64(2), SqliteTime.FromMicros(reader.GetInt64(3)))
            : null;
    }

    private static async Task<IReadOnlyList<IncidentRecord>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var incidents = new List<IncidentRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            incidents.Add(new IncidentRecord(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetInt64(5),
                SqliteCommands.NullableTime(reader, 6),
                SqliteCommands.NullableTime(reader, 7),
                IncidentStatusText.Parse(reader.GetString(8)),
                SortedStrings(reader.GetString(9)),
                SortedStrings(reader.GetString(10)),
                SqliteCommands.NullableString(reader, 11),
                reader.GetString(12),
                reader.GetString(13),
                SqliteCommands.NullableString(reader, 14)));
        }

        return incidents;
    }

    private static string[] SortedStrings(string jsonArray)
    {
        using var document = JsonDocument.Parse(jsonArray);
        var values = new string[document.RootElement.GetArrayLength()];
        var i = 0;
        foreach (var element in document.RootElement.EnumerateArray())
            values[i++] = element.GetString()!;
        Array.Sort(values, StringComparer.Ordinal);
        return values;
    }
}
