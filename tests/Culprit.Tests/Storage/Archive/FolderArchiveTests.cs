using System.IO.Compression;
using System.Text;
using Culprit.Storage;
using Culprit.Storage.Archive;
using ZstdSharp;

namespace Culprit.Tests.Storage.Archive;

/// <summary>What only the folder archive does: its files on disk and what a crash leaves. The shared contract runs in the integration tests.</summary>
public sealed class FolderArchiveTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 10, 8, 0, 0, TimeSpan.Zero);

    private readonly string _root = Path.Combine(Directory.CreateTempSubdirectory("culprit-folder-").FullName, "archive");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_root)!, recursive: true);

    private static ArchiveChunk Chunk(long first, long last, string source = "app.log") => new(source, first, last, T0, T0.AddMinutes(1), T0);

    private static async Task<List<ArchiveChunk>> ListAsync(IRawArchive archive, string? source = null)
    {
        var chunks = new List<ArchiveChunk>();
        await foreach (var chunk in archive.ListAsync(source))
            chunks.Add(chunk);
        return chunks;
    }

    [Fact]
    public async Task ChunkIsAZstdFileInItsSourceAndDayFolderBesideTheSourceName()
    {
        var archive = new FolderArchive(_root);
        await archive.WriteAsync(Chunk(1, 2), "a\nb\n"u8.ToArray());

        var folder = Path.Combine(_root, ChunkKey.SourceHash("app.log"));
        Assert.Equal("app.log", await File.ReadAllTextAsync(Path.Combine(folder, "source.txt")));
        var file = Assert.Single(Directory.GetFiles(Path.Combine(folder, "2024-03-10")));
        Assert.Equal("000000000001-000000000002_20240310T080000.0000000Z_20240310T080100.0000000Z.zst", Path.GetFileName(file));
        using var zstd = new Decompressor();
        Assert.Equal("a\nb\n", Encoding.UTF8.GetString(zstd.Unwrap(await File.ReadAllBytesAsync(file))));
        Assert.Equal(T0.UtcDateTime, File.GetLastWriteTimeUtc(file));
        Assert.Equal(T0, Assert.Single(await ListAsync(archive)).WrittenAt);
    }

    [Fact]
    public async Task GzipChunksAreReadableByAnyGzipReader()
    {
        var archive = new FolderArchive(_root, new ArchiveOptions { Compression = ArchiveCompression.Gzip, Level = 9 });
        await archive.WriteAsync(Chunk(1, 1), "line\n"u8.ToArray());

        var file = Assert.Single(Directory.GetFiles(_root, "*.gz", SearchOption.AllDirectories));
        await using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        Assert.Equal("line\n", await new StreamReader(gzip).ReadToEndAsync());

        // An archive now writing zstd still reads what was written as gzip.
        var zstdArchive = new FolderArchive(_root);
        await using var stream = await zstdArchive.OpenAsync(Assert.Single(await ListAsync(zstdArchive)));
        Assert.Equal("line\n", await new StreamReader(stream).ReadToEndAsync());
    }

    [Fact]
    public async Task WhatACrashLeavesNeverLists()
    {
        var archive = new FolderArchive(_root);
        await archive.WriteAsync(Chunk(1, 2), "a\nb\n"u8.ToArray());
        var day = Path.GetDirectoryName(Assert.Single(Directory.GetFiles(_root, "*.zst", SearchOption.AllDirectories)))!;

        // A writer killed while compressing leaves its temporary file, cut short.
        var temp = Path.Combine(day, "000000000003-000000000004_20240310T080000.0000000Z_20240310T080100.0000000Z.zst.0f1e2d3c.tmp");
        await File.WriteAllBytesAsync(temp, [0x28, 0xB5, 0x2F]);
        File.SetLastWriteTimeUtc(temp, T0.UtcDateTime.AddDays(-2));

        Assert.Equal([1L], (await ListAsync(archive)).Select(c => c.FirstLine));

        // Retention sweeps leftovers older than its cutoff along with expired chunks.
        Assert.Equal(0, await archive.DeleteOlderThanAsync(T0.AddDays(-1)));
        Assert.False(File.Exists(temp));
        Assert.Single(await ListAsync(archive));
    }

    [Fact]
    public async Task RetentionRemovesEmptyDayFoldersAndWritingThereAgainWorks()
    {
        var archive = new FolderArchive(_root);
        await archive.WriteAsync(Chunk(1, 2), "a\nb\n"u8.ToArray());

        Assert.Equal(1, await archive.DeleteOlderThanAsync(T0.AddDays(1)));
        var folder = Path.Combine(_root, ChunkKey.SourceHash("app.log"));
        Assert.Empty(Directory.GetDirectories(folder));

        await archive.WriteAsync(Chunk(1, 2), "a\nb\n"u8.ToArray());
        Assert.Single(await ListAsync(archive));
    }

    [Fact]
    public async Task FolderOfAnotherSourceIsNeitherListedNorWrittenInto()
    {
        var archive = new FolderArchive(_root);
        await archive.WriteAsync(Chunk(1, 2), "a\nb\n"u8.ToArray());
        var marker = Path.Combine(_root, ChunkKey.SourceHash("app.log"), "source.txt");
        await File.WriteAllTextAsync(marker, "someone-else.log");

        Assert.Empty(await ListAsync(archive, "app.log"));
        Assert.Equal("someone-else.log", Assert.Single(await ListAsync(archive, null)).Source);
        await Assert.ThrowsAsync<IOException>(() => archive.WriteAsync(Chunk(3, 4), "c\n"u8.ToArray()));
    }

    [Fact]
    public async Task DamagedChunkFailsToReadInsteadOfReadingWrong()
    {
        var archive = new FolderArchive(_root);
        var raw = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 2000).Select(i => $"line {i}\n")));
        await archive.WriteAsync(Chunk(1, 2000), raw);
        var file = Assert.Single(Directory.GetFiles(_root, "*.zst", SearchOption.AllDirectories));
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[bytes.Length / 2] ^= 0x55;
        await File.WriteAllBytesAsync(file, bytes);

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var stream = await archive.OpenAsync(Assert.Single(await ListAsync(archive)));
            await stream.CopyToAsync(Stream.Null);
        });
    }

    [Fact]
    public async Task MissingFolderListsNothing()
    {
        var archive = new FolderArchive(Path.Combine(_root, "never-written"));

        Assert.Empty(await ListAsync(archive));
        Assert.Equal(0, await archive.DeleteOlderThanAsync(T0));
    }
}
