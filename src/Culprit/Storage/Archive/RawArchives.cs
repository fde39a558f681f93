namespace Culprit.Storage.Archive;

/// <summary>Opens the raw archive a setting names: an <c>s3://bucket/prefix</c> URL or a folder.</summary>
public static class RawArchives
{
    /// <param name="location">A folder path, or <c>s3://bucket/prefix</c>.</param>
    /// <param name="options">Compression of new chunks.</param>
    /// <param name="configureS3">Endpoint, region and credentials for an S3 location; the URL is set from <paramref name="location"/>.</param>
    public static IRawArchive Open(string location, ArchiveOptions? options = null, Action<S3ArchiveOptions>? configureS3 = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(location);
        if (!location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
            return new FolderArchive(location, options);

        var s3 = new S3ArchiveOptions();
        configureS3?.Invoke(s3);
        s3.Url = location;
        return new S3Archive(s3, options);
    }
}
