using Npgsql;
using NpgsqlTypes;

namespace Culprit.Storage.Postgres;

/// <summary>Typed positional parameters (<c>$1</c>, <c>$2</c> …), so that nulls and arrays reach PostgreSQL with their types.</summary>
internal static class PgParameters
{
    public static NpgsqlParameter Text(string? value) => Typed(value, NpgsqlDbType.Text);

    public static NpgsqlParameter Jsonb(string? value) => Typed(value, NpgsqlDbType.Jsonb);

    public static NpgsqlParameter Bytea(byte[] value) => Typed(value, NpgsqlDbType.Bytea);

    public static NpgsqlParameter Bigint(long value) => Typed(value, NpgsqlDbType.Bigint);

    public static NpgsqlParameter Integer(int value) => Typed(value, NpgsqlDbType.Integer);

    public static NpgsqlParameter Time(DateTimeOffset? value) => Typed(value?.UtcDateTime, NpgsqlDbType.TimestampTz);

    public static NpgsqlParameter TextArray(IReadOnlyCollection<string?> values) => Typed(values.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);

    /// <summary>A text[] that is SQL NULL when <paramref name="values"/> is null ("no filter").</summary>
    public static NpgsqlParameter NullableTextArray(IReadOnlyCollection<string>? values) => Typed(values?.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);

    public static NpgsqlParameter BigintArray(long[] values) => Typed(values, NpgsqlDbType.Array | NpgsqlDbType.Bigint);

    public static NpgsqlParameter TimeArray(DateTime?[] values) => Typed(values, NpgsqlDbType.Array | NpgsqlDbType.TimestampTz);

    private static NpgsqlParameter Typed(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };
}
