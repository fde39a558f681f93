namespace Culprit.Storage.Archive;

/// <summary>The archive's store cannot be used at all (unreachable endpoint, missing bucket, refused credentials); the message names the archive's location.</summary>
public sealed class ArchiveUnavailableException : IOException
{
    public ArchiveUnavailableException()
    {
    }

    public ArchiveUnavailableException(string message)
        : base(message)
    {
    }

    public ArchiveUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
