namespace Culprit.Storage;

/// <summary>Why a store could not be used.</summary>
public enum StorageFailureKind
{
    /// <summary>The server cannot be reached or refuses the login, or the file cannot be opened.</summary>
    Unreachable,

    /// <summary>The file is not a database or its pages are damaged.</summary>
    Corrupt,

    /// <summary>The database was migrated by a newer Culprit than this one.</summary>
    SchemaTooNew,

    /// <summary>The database was never migrated by Culprit but holds another application's tables; Culprit leaves it alone.</summary>
    ForeignDatabase,
}
