namespace Culprit.Storage;

/// <summary>
/// A store that cannot be used, with a message meant for the user (it names the file or server and says
/// what to do); the CLI prints it instead of a stack trace.
/// </summary>
public sealed class StorageException : Exception
{
    public StorageException(StorageFailureKind kind, string location, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        Location = location;
    }

    public StorageException()
    {
        Location = "";
    }

    public StorageException(string message)
        : base(message)
    {
        Location = "";
    }

    public StorageException(string message, Exception innerException)
        : base(message, innerException)
    {
        Location = "";
    }

    public StorageFailureKind Kind { get; }

    /// <summary>The database file, or the server as host:port/database.</summary>
    public string Location { get; }
}
