using System.Text;
using Npgsql;

namespace Culprit.Storage.Postgres;

/// <summary>Reads incidents, their hourly counts and history, and checkpoints.</summary>
internal static class PostgresIncidentReader
{
    private const string Columns = """
        SELECT id, fingerprint, grouping_version, basis, title, count, first_seen, last_seen, status, services, versions,
            culprit::text, representative_id, representative_message, representative_exception::text
        FROM incidents
        """;

    public static async Task<IReadOnlyList<IncidentRecord>> ListAsync(NpgsqlConnection connection, IncidentFilter filter, CancellationToken cancellationToken)
    {
        // Only the filters given become SQL, so that an open-incidents list can use the partial index.
        var sql = new StringBuilder(Columns).Append(" WHERE true");
        await using var command = new NpgsqlCommand { Connection = connection };
        if (filter.Status is { } status)
            Add(command, sql, " AND status = $", PgParameters.Text(IncidentStatusText.ToText(status)));
        if (filter.OpenOnly)
            sql.Append(" AND status NOT IN ('resolved', 'ignored')");
        if (filter.Since is { } since)
            Add(command, sql, " AND last_seen >= $", PgParameters.Time(since));
        if (filter.Service is { } service)
            Add(command, sql, " AND services @> ARRAY[$", PgParameters.Text(service)).Append(']');
        Add(command, sql.Append(" ORDER BY count DESC, last_seen DESC NULLS LAST, id COLLATE \"C\""), " LIMIT $", PgParameters.Integer(filter.Limit));
        command.CommandText = sql.ToString();
        return await ReadAllAsync(command, cancellationToken);
    }

    public static async Task<IncidentRecord?> GetAsync(NpgsqlConnection connection, string id, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Columns + " WHERE id = $1;", connection) { Parameters = { PgParameters.Text(id) } };
        var found = await ReadAllAsync(command, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public static async Task<IReadOnlyList<(DateTimeOffset Hour, long Count)>> HourlyAsync(NpgsqlConnection connection, string id, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT hour, count FROM incident_hourly_counts WHERE incident_id = $1 ORDER BY hour;", connection)
        {
            Parameters = { PgParameters.Text(id) },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var hours = new List<(DateTimeOffset, long)>();
        while (await reader.ReadAsync(cancellationToken))
            hours.Add((reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt64(1)));
        return hours;
    }

    public static async Task<IReadOnlyList<StatusChange>> HistoryAsync(NpgsqlConnection connection, string id, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT from_status, to_status, actor, note, changed_at FROM status_history WHERE incident_id = $1 ORDER BY id;", connection)
        {
            Parameters = { PgParameters.Text(id) },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var changes = new List<StatusChange>();
        while (await reader.ReadAsync(cancellationToken))
        {
            changes.Add(new StatusChange(
                id,
                IncidentStatusText.Parse(reader.GetString(0)),
                IncidentStatusText.Parse(reader.GetString(1)),
                NullableString(reader, 2),
                NullableString(reader, 3),
                reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return changes;
    }

    public static async Task<SourceCheckpoint?> CheckpointAsync(NpgsqlConnection connection, string source, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT inode, byte_offset, line, updated_at FROM source_checkpoints WHERE source = $1;", connection)
        {
            Parameters = { PgParameters.Text(source) },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new SourceCheckpoint(source, NullableString(reader, 0), reader.GetInt64(1), reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(3))
            : null;
    }

    /// <summary>Appends the SQL with the next parameter's number after it and adds the parameter.</summary>
    private static StringBuilder Add(NpgsqlCommand command, StringBuilder sql, string text, NpgsqlParameter parameter)
    {
        command.Parameters.Add(parameter);
        return sql.Append(text).Append(command.Parameters.Count);
    }

    private static async Task<IReadOnlyList<IncidentRecord>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
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
                NullableTime(reader, 6),
                NullableTime(reader, 7),
                IncidentStatusText.Parse(reader.GetString(8)),
                reader.GetFieldValue<string[]>(9),
                reader.GetFieldValue<string[]>(10),
                NullableString(reader, 11),
                reader.GetString(12),
                reader.GetString(13),
                NullableString(reader, 14)));
        }

        return incidents;
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? NullableTime(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
