namespace Culprit.Storage.Sqlite;

/// <summary>Times are stored as INTEGER microseconds since the Unix epoch (UTC): sortable, compact, and the precision PostgreSQL keeps.</summary>
internal static class SqliteTime
{
    public static long ToMicros(DateTimeOffset at) => (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static object ToDb(DateTimeOffset? at) => at is { } value ? ToMicros(value) : DBNull.Value;

    public static DateTimeOffset FromMicros(long micros) => DateTimeOffset.UnixEpoch.AddTicks(micros * 10);
}
