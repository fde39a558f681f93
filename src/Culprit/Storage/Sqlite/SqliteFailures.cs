using Microsoft.Data.Sqlite;

namespace Culprit.Storage.Sqlite;

/// <summary>The SQLite result codes a user can cause and fix, as messages naming the file.</summary>
internal static class SqliteFailures
{
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;

    public static StorageException? Translate(SqliteException e, string path) => (e.SqliteErrorCode & 0xFF) switch
    {
        Corrupt or NotADatabase => new StorageException(
            StorageFailureKind.Corrupt,
            path,
            $"The incident database {path} is damaged or is not a SQLite database ({e.Message.TrimEnd('.')}). " +
            "It was left as it is: restore it from a backup, or move it aside to start a new store.",
            e),
        CantOpen => new StorageException(StorageFailureKind.Unreachable, path, $"Cannot open the incident database {path} ({e.Message.TrimEnd('.')}).", e),
        ReadOnly or IoError or Full => new StorageException(StorageFailureKind.Unreachable, path, $"Cannot write the incident database {path} ({e.Message.TrimEnd('.')}).", e),
        _ => null,
    };
}
