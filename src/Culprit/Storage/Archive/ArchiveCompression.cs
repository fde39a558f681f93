namespace Culprit.Storage.Archive;

/// <summary>How archived chunks are compressed. Either can be read back whatever the archive writes now.</summary>
public enum ArchiveCompression
{
    /// <summary>Zstandard with a content checksum (<c>.zst</c>), the default: fast and small.</summary>
    Zstd,

    /// <summary>gzip (<c>.gz</c>), for stores read by tools that know nothing else (<c>zcat</c>).</summary>
    Gzip,
}
