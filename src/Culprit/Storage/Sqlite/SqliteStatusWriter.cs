using Culprit.Model;
using Microsoft.Data.Sqlite;

namespace Culprit.Storage.Sqlite;

/// <summary>Status changes with their history, and the retention sweep of samples.</summary>
internal static class SqliteStatusWriter
{
    private const string Change = """
        UPDATE incidents SET status = $to, status_changed_at = $now, updated_at = $now WHERE id = $id;
        INSERT INTO status_history (incident_id, from_status, to_status, actor, note, changed_at)
        VALUES ($id, $from, $to, $actor, $note, $now);
        """;

    public static async Task<bool> SetAsync(SqliteConnection connection, string id, IncidentStatus status, string? actor, string? note, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await SqliteWriteTransaction.BeginAsync(connection, cancellationToken);
        string? from;
        await using (var read = SqliteCommands.Create(connection, "SELECT status FROM incidents WHERE id = $id;", ("$id", id)))
            from = await read.ExecuteScalarAsync(cancellationToken) as string;
        if (from is null)
            return false;

        var to = IncidentStatusText.ToText(status);
        if (from != to)
        {
            await SqliteCommands.ExecuteAsync(connection, Change, cancellationToken,
                ("$id", id), ("$from", from), ("$to", to), ("$actor", actor), ("$note", note), ("$now", SqliteTime.ToMicros(now)));
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public static async Task<long> DropSamplesAsync(SqliteConnection connection, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = SqliteCommands.Create(connection,
            "UPDATE occurrences SET sample = NULL WHERE ts < $cutoff AND sample IS NOT NULL;", ("$cutoff", SqliteTime.ToMicros(cutoff)));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
