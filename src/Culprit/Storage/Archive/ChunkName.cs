namespace Culprit.Storage.Archive;

/// <summary>What a chunk's key says about it: everything but the source name, which the source's folder records.</summary>
internal readonly record struct ChunkName(string SourceHash, long FirstLine, long LastLine, DateTimeOffset? From, DateTimeOffset? To, ArchiveCompression Compression);
