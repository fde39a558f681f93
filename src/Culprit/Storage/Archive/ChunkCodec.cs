using System.IO.Compression;
using ZstdSharp;
using ZstdSharp.Unsafe;

namespace Culprit.Storage.Archive;

/// <summary>Compresses and decompresses chunk bodies; both formats carry a checksum, so a damaged chunk fails to read instead of reading wrong.</summary>
internal static class ChunkCodec
{
    public static string ContentType(ArchiveCompression compression) =>
        compression == ArchiveCompression.Gzip ? "application/gzip" : "application/zstd";

    /// <summary>Compresses <paramref name="raw"/> into <paramref name="destination"/>, which stays open.</summary>
    public static async Task CompressAsync(ReadOnlyMemory<byte> raw, Stream destination, ArchiveCompression compression, int level, CancellationToken cancellationToken)
    {
        Stream compressor;
        if (compression == ArchiveCompression.Gzip)
        {
            compressor = new GZipStream(destination, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true);
        }
        else
        {
            var zstd = new CompressionStream(destination, level, leaveOpen: true);
            zstd.SetParameter(ZSTD_cParameter.ZSTD_c_checksumFlag, 1);
            compressor = zstd;
        }

        await using (compressor)
            await compressor.WriteAsync(raw, cancellationToken);
    }

    /// <summary>A stream of the decompressed bytes; disposing it disposes <paramref name="compressed"/>.</summary>
    public static Stream Decompress(Stream compressed, ArchiveCompression compression) =>
        compression == ArchiveCompression.Gzip
            ? new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: false)
            : new DecompressionStream(compressed, leaveOpen: false);
}
