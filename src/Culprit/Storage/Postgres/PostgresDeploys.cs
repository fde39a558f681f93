using System.Text;
using Npgsql;

namespace Culprit.Storage.Postgres;

/// <summary>Reads and writes the <c>deploys</c> table.</summary>
internal static class PostgresDeploys
{
    private const string Columns = "service, environment, version, commit_sha, deployed_at, origin";

    public static async Task<bool> RecordAsync(NpgsqlConnection connection, DeployRecord deploy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"INSERT INTO deploys ({Columns}, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
            connection);
        command.Parameters.Add(PgParameters.Text(deploy.Service));
        command.Parameters.Add(PgParameters.Text(deploy.Environment));
        command.Parameters.Add(PgParameters.Text(deploy.Version));
        command.Parameters.Add(PgParameters.Text(deploy.CommitSha));
        command.Parameters.Add(PgParameters.Time(deploy.DeployedAt));
        command.Parameters.Add(PgParameters.Text(deploy.Origin));
        command.Parameters.Add(PgParameters.Time(now));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public static Task<List<DeployRecord>> ListAsync(NpgsqlConnection connection, string? service, string? environment, int? limit, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"SELECT {Columns} FROM deploys WHERE ($1::text IS NULL OR service = $1) AND ($2::text IS NULL OR environment = $2) ORDER BY deployed_at DESC, id DESC");
        if (limit is not null)
            sql.Append(" LIMIT $3");
        var parameters = new List<NpgsqlParameter> { PgParameters.Text(service), PgParameters.Text(environment) };
        if (limit is { } n)
            parameters.Add(PgParameters.Integer(n));
        return ReadAsync(connection, sql.ToString(), parameters, cancellationToken);
    }

    public static async Task<DeployRecord?> ActiveAsync(NpgsqlConnection connection, string service, string environment, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var found = await ReadAsync(
            connection,
            $"SELECT {Columns} FROM deploys WHERE service = $1 AND environment = $2 AND deployed_at <= $3 ORDER BY deployed_at DESC, id DESC LIMIT 1",
            [PgParameters.Text(service), PgParameters.Text(environment), PgParameters.Time(at)],
            cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    public static async Task<DeployRecord?> PreviousAsync(NpgsqlConnection connection, string service, string environment, string version, CancellationToken cancellationToken)
    {
        var found = await ReadAsync(
            connection,
            $"""
            SELECT {Columns} FROM deploys
            WHERE service = $1 AND environment = $2 AND version <> $3
              AND deployed_at < (SELECT max(deployed_at) FROM deploys WHERE service = $1 AND environment = $2 AND version = $3)
            ORDER BY deployed_at DESC, id DESC LIMIT 1
            """,
            [PgParameters.Text(service), PgParameters.Text(environment), PgParameters.Text(version)],
            cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    private static async Task<List<DeployRecord>> ReadAsync(NpgsqlConnection connection, string sql, IReadOnlyList<NpgsqlParameter> parameters, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
            command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var deploys = new List<DeployRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            deploys.Add(new DeployRecord(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetString(5)));
        }

        return deploys;
    }
}
