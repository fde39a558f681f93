using Npgsql;

namespace Culprit.Storage.Postgres;

/// <summary>Small helpers for hand-written SQL with positional parameters, and typed reads of nullable columns.</summary>
internal static class PostgresCommands
{
    public static NpgsqlCommand Create(NpgsqlConnection connection, string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
            command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>Runs a statement and returns how many rows it changed.</summary>
    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = Create(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset Time(NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public static DateTimeOffset? NullableTime(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    /// <summary>A unique or primary-key violation: a duplicate the caller should hear about as bad input.</summary>
    public static bool IsDuplicate(PostgresException e) => e.SqlState == PostgresErrorCodes.UniqueViolation;
}
