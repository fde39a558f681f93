using System.Text;
using Microsoft.Data.Sqlite;

namespace Culprit.Storage.Sqlite;

/// <summary>Reads and writes the <c>deploys</c> table.</summary>
internal static class SqliteDeploys
{
    private const string Columns = "service, environment, version, commit_sha, deployed_at, origin";

    public static async Task<bool> RecordAsync(SqliteConnection connection, DeployRecord deploy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = SqliteCommands.Create(
            connection,
            $"INSERT INTO deploys ({Columns}, created_at) VALUES ($service, $env, $version, $sha, $at, $origin, $now) ON CONFLICT DO NOTHING",
            ("$service", deploy.Service),
            ("$env", deploy.Environment),
            ("$version", deploy.Version),
            ("$sha", deploy.CommitSha),
            ("$at", SqliteTime.ToMicros(deploy.DeployedAt)),
            ("$origin", deploy.Origin),
            ("$now", SqliteTime.ToMicros(now)));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public static Task<List<DeployRecord>> ListAsync(SqliteConnection connection, string? service, string? environment, int? limit, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"SELECT {Columns} FROM deploys WHERE 1 = 1");
        if (service is not null)
            sql.Append(" AND service = $service");
        if (environment is not null)
            sql.Append(" AND environment = $env");
        sql.Append(" ORDER BY deployed_at DESC, id DESC");
        if (limit is not null)
            sql.Append(" LIMIT $limit");
        return ReadAsync(connection, sql.ToString(), cancellationToken, ("$service", service), ("$env", environment), ("$limit", limit));
    }

    public static async Task<DeployRecord?> ActiveAsync(SqliteConnection connection, string service, string environment, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var found = await ReadAsync(
            connection,
            $"SELECT {Columns} FROM deploys WHERE service = $service AND environment = $env AND deployed_at <= $at ORDER BY deployed_at DESC, id DESC LIMIT 1",
            cancellationToken,
            ("$service", service),
            ("$env", environment),
            ("$at", SqliteTime.ToMicros(at)));
        return found.Count > 0 ? found[0] : null;
    }

    public static async Task<DeployRecord?> PreviousAsync(SqliteConnection connection, string service, string environment, string version, CancellationToken cancellationToken)
    {
        var found = await ReadAsync(
            connection,
            $"""
            SELECT {Columns} FROM deploys
            WHERE service = $service AND environment = $env AND version <> $version
              AND deployed_at < (SELECT max(deployed_at) FROM deploys WHERE service = $service AND environment = $env AND version = $version)
            ORDER BY deployed_at DESC, id DESC LIMIT 1
            """,
            cancellationToken,
            ("$service", service),
            ("$env", environment),
            ("$version", version));
        return found.Count > 0 ? found[0] : null;
    }

    private static async Task<List<DeployRecord>> ReadAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = SqliteCommands.Create(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var deploys = new List<DeployRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            deploys.Add(new DeployRecord(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                SqliteCommands.NullableString(reader, 3),
                SqliteTime.FromMicros(reader.GetInt64(4)),
                reader.GetString(5)));
        }

        return deploys;
    }
}
