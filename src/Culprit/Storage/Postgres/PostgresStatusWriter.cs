using Culprit.Model;
using Npgsql;

namespace Culprit.Storage.Postgres;

/// <summary>Status changes with their history, and the retention sweep of samples.</summary>
internal static class PostgresStatusWriter
{
    private const string Change = """
        WITH changed AS (
            UPDATE incidents SET status = $2, status_changed_at = $5, updated_at = $5 WHERE id = $1
        )
        INSERT INTO status_history (incident_id, from_status, to_status, actor, note, changed_at)
        VALUES ($1, $6, $2, $3, $4, $5);
        """;

    public static async Task<bool> SetAsync(NpgsqlConnection connection, string id, IncidentStatus status, string? actor, string? note, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        string? from;
        await using (var read = new NpgsqlCommand("SELECT status FROM incidents WHERE id = $1 FOR UPDATE;", connection, transaction) { Parameters = { PgParameters.Text(id) } })
            from = await read.ExecuteScalarAsync(cancellationToken) as string;
        if (from is null)
            return false;

        var to = IncidentStatusText.ToText(status);
        if (from != to)
        {
            await using var change = new NpgsqlCommand(Change, connection, transaction)
            {
                Parameters =
                {
                    PgParameters.Text(id),
                    PgParameters.Text(to),
                    PgParameters.Text(actor),
                    PgParameters.Text(note),
                    PgParameters.Time(now),
                    PgParameters.Text(from),
                },
            };
            await change.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public static async Task<long> DropSamplesAsync(NpgsqlConnection connection, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("UPDATE occurrences SET sample = NULL WHERE ts < $1 AND sample IS NOT NULL;", connection)
        {
            Parameters = { PgParameters.Time(cutoff) },
        };
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
