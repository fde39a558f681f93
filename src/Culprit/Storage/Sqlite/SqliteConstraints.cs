using Microsoft.Data.Sqlite;

namespace Culprit.Storage.Sqlite;

/// <summary>Which constraint a failed statement broke, so that a duplicate becomes a message instead of a crash.</summary>
internal static class SqliteConstraints
{
    private const int Constraint = 19;
    private const int PrimaryKey = (6 << 8) | Constraint;
    private const int Unique = (8 << 8) | Constraint;

    public static bool IsDuplicate(SqliteException e) =>
        e.SqliteErrorCode == Constraint && e.SqliteExtendedErrorCode is Unique or PrimaryKey;
}
