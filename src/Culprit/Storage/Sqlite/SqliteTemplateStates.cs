using Culprit.Parsing.Templates;
using Microsoft.Data.Sqlite;

namespace Culprit.Storage.Sqlite;

/// <summary>Reads and writes template miner states in the <c>template_states</c> table.</summary>
internal static class SqliteTemplateStates
{
    public static async Task<TemplateMinerState?> LoadAsync(SqliteConnection connection, string scope, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state FROM template_states WHERE scope = $scope";
        command.Parameters.AddWithValue("$scope", scope);
        if (await command.ExecuteScalarAsync(cancellationToken) is not byte[] bytes)
            return null;
        return TemplateMinerState.TryParse(bytes, out var state, out var error)
            ? state
            : throw new InvalidDataException($"the saved template state of '{scope}' cannot be read: {error}");
    }

    public static async Task SaveAsync(SqliteConnection connection, string scope, TemplateMinerState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO template_states (scope, state, updated_at) VALUES ($scope, $state, $at)
            ON CONFLICT (scope) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
            """;
        command.Parameters.AddWithValue("$scope", scope);
        command.Parameters.AddWithValue("$state", state.ToUtf8Bytes());
        command.Parameters.AddWithValue("$at", SqliteTime.ToMicros(now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
