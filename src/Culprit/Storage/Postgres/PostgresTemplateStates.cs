using Culprit.Parsing.Templates;
using Npgsql;

namespace Culprit.Storage.Postgres;

/// <summary>Reads and writes template miner states in the <c>template_states</c> table.</summary>
internal static class PostgresTemplateStates
{
    public static async Task<TemplateMinerState?> LoadAsync(NpgsqlConnection connection, string scope, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT state FROM template_states WHERE scope = $1", connection);
        command.Parameters.AddWithValue(scope);
        if (await command.ExecuteScalarAsync(cancellationToken) is not byte[] bytes)
            return null;
        return TemplateMinerState.TryParse(bytes, out var state, out var error)
            ? state
            : throw new InvalidDataException($"the saved template state of '{scope}' cannot be read: {error}");
    }

    public static async Task SaveAsync(NpgsqlConnection connection, string scope, TemplateMinerState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO template_states (scope, state, updated_at) VALUES ($1, $2, $3) ON CONFLICT (scope) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
            connection);
        command.Parameters.AddWithValue(scope);
        command.Parameters.AddWithValue(state.ToUtf8Bytes());
        command.Parameters.AddWithValue(now.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
