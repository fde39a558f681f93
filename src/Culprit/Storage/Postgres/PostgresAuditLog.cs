using Culprit.Storage.Accounts;
using Npgsql;

namespace Culprit.Storage.Postgres;

/// <summary>Appends to and reads the <c>audit_log</c> table.</summary>
internal static class PostgresAuditLog
{
    public static async Task<AuditEntry> AppendAsync(NpgsqlConnection connection, AuditEvent auditEvent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var e = AccountErrors.Checked(auditEvent);
        await using var command = PostgresCommands.Create(
            connection,
            """
            INSERT INTO audit_log (at, actor, action, target_kind, target_id, details, client_ip)
            VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7) RETURNING id, details::text
            """,
            PgParameters.Time(now),
            PgParameters.Text(e.Actor),
            PgParameters.Text(e.Action),
            PgParameters.Text(e.TargetKind),
            PgParameters.Text(e.TargetId),
            PgParameters.Text(e.DetailsJson),
            PgParameters.Text(e.ClientIp));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new AuditEntry(reader.GetInt64(0), now, e with { DetailsJson = PostgresCommands.NullableString(reader, 1) });
    }

    public static async Task<List<AuditEntry>> ListAsync(NpgsqlConnection connection, AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var command = PostgresCommands.Create(
            connection,
            """
            SELECT id, at, actor, action, target_kind, target_id, details::text, client_ip FROM audit_log
            WHERE ($1::timestamptz IS NULL OR at >= $1) AND ($2::timestamptz IS NULL OR at < $2) AND ($3::text IS NULL OR actor = $3)
            ORDER BY at, id LIMIT $4
            """,
            PgParameters.Time(query.From),
            PgParameters.Time(query.To),
            PgParameters.Text(query.Actor),
            PgParameters.Integer(Math.Max(0, query.Limit)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                reader.GetInt64(0),
                PostgresCommands.Time(reader, 1),
                new AuditEvent(
                    PostgresCommands.NullableString(reader, 2),
                    reader.GetString(3),
                    PostgresCommands.NullableString(reader, 4),
                    PostgresCommands.NullableString(reader, 5),
                    PostgresCommands.NullableString(reader, 6),
                    PostgresCommands.NullableString(reader, 7))));
        }

        return entries;
    }
}
