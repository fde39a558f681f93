using System.Text;
using Culprit.Storage.Accounts;
using Microsoft.Data.Sqlite;

namespace Culprit.Storage.Sqlite;

/// <summary>Appends to and reads the <c>audit_log</c> table.</summary>
internal static class SqliteAuditLog
{
    public static async Task<AuditEntry> AppendAsync(SqliteConnection connection, AuditEvent auditEvent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var e = AccountErrors.Checked(auditEvent);
        var id = await SqliteCommands.ScalarAsync(
            connection,
            """
            INSERT INTO audit_log (at, actor, action, target_kind, target_id, details, client_ip)
            VALUES ($at, $actor, $action, $kind, $target, $details, $ip) RETURNING id
            """,
            cancellationToken,
            ("$at", SqliteTime.ToMicros(now)),
            ("$actor", e.Actor),
            ("$action", e.Action),
            ("$kind", e.TargetKind),
            ("$target", e.TargetId),
            ("$details", e.DetailsJson),
            ("$ip", e.ClientIp));
        return new AuditEntry(id, now, e);
    }

    public static async Task<List<AuditEntry>> ListAsync(SqliteConnection connection, AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new StringBuilder("SELECT id, at, actor, action, target_kind, target_id, details, client_ip FROM audit_log WHERE 1 = 1");
        if (query.From is not null)
            sql.Append(" AND at >= $from");
        if (query.To is not null)
            sql.Append(" AND at < $to");
        if (query.Actor is not null)
            sql.Append(" AND actor = $actor");
        sql.Append(" ORDER BY at, id LIMIT $limit");
        await using var command = SqliteCommands.Create(
            connection,
            sql.ToString(),
            ("$from", SqliteTime.ToDb(query.From)),
            ("$to", SqliteTime.ToDb(query.To)),
            ("$actor", query.Actor),
            ("$limit", Math.Max(0, query.Limit)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                reader.GetInt64(0),
                SqliteTime.FromMicros(reader.GetInt64(1)),
                new AuditEvent(
                    SqliteCommands.NullableString(reader, 2),
                    reader.GetString(3),
                    SqliteCommands.NullableString(reader, 4),
                    SqliteCommands.NullableString(reader, 5),
                    SqliteCommands.NullableString(reader, 6),
                    SqliteCommands.NullableString(reader, 7))));
        }

        return entries;
    }
}
