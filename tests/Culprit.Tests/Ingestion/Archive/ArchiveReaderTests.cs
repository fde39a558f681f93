using System.Text;
using CsCheck;
using Culprit.Ingestion.Archive;
using Culprit.Storage;
using Culprit.Storage.Archive;

namespace Culprit.Tests.Ingestion.Archive;

public sealed class ArchiveReaderTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 10, 8, 0, 0, TimeSpan.Zero);

    private readonly string _root = Directory.CreateTempSubdirectory("culprit-reader-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static async Task<List<SourceLineView>> ReadAsync(IRawArchive archive, string source, ArchiveReadReport report)
    {
        var lines = new List<SourceLineView>();
        await foreach (var line in new ArchiveReader(archive).ReadLinesAsync(source, report))
            lines.Add(new SourceLineView(line.Number, line.Text));
        return lines;
    }

    private static Task WriteAsync(IRawArchive archive, long first, params string[] lines) =>
        archive.WriteAsync(new ArchiveChunk("app.log", first, first + lines.Length - 1, null, null, T0), Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n"))));

    [Fact]
    public async Task OverlappingChunksGiveEachLineOnce()
    {
        var archive = new FolderArchive(_root);
        await WriteAsync(archive, 1, "a", "b", "c");
        await WriteAsync(archive, 1, "a", "b", "c", "d", "e");
        await WriteAsync(archive, 4, "d", "e", "f");

        var report = new ArchiveReadReport();
        var lines = await ReadAsync(archive, "app.log", report);

        Assert.Equal(["a", "b", "c", "d", "e", "f"], lines.Select(l => l.Text));
        Assert.Equal([1L, 2, 3, 4, 5, 6], lines.Select(l => l.Number));
        Assert.Equal((3, 6L, 0L), (report.Chunks, report.Lines, report.MissingLines));
    }

    [Fact]
    public async Task MissingAndDamagedChunksAreReportedAndTheRestIsRead()
    {
        var archive = new FolderArchive(_root);
        await WriteAsync(archive, 1, "a", "b");
        await WriteAsync(archive, 5, "e");
        await WriteAsync(archive, 6, "f", "g");
        await WriteAsync(archive, 8, "h");
        var damaged = Directory.GetFiles(_root, "000000000006-*.zst", SearchOption.AllDirectories).Single();
        var bytes = await File.ReadAllBytesAsync(damaged);
        bytes[^2] ^= 0xFF;
        await File.WriteAllBytesAsync(damaged, bytes);

        var report = new ArchiveReadReport();
        var lines = await ReadAsync(archive, "app.log", report);

        Assert.Equal(["a", "b", "e", "h"], lines.Select(l => l.Text));
        Assert.Equal((3, 4L, 4L), (report.Chunks, report.Lines, report.MissingLines));
        Assert.Contains("000000000006-", Assert.Single(report.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChunkHoldingOtherThanItsRangeIsReported()
    {
        var archive = new FolderArchive(_root);
        await archive.WriteAsync(new ArchiveChunk("app.log", 1, 3, null, null, T0), "a\nb\n"u8.ToArray());

        var report = new ArchiveReadReport();
        Assert.Equal(2, (await ReadAsync(archive, "app.log", report)).Count);
        Assert.Contains("holds 2 lines, not the 3", Assert.Single(report.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void AnyLinesWrittenInAnyChunkSizeReadBackTheSame()
    {
        var line = Gen.String[Gen.Char.Where(c => c != '\n' && !char.IsSurrogate(c)), 0, 300];
        Gen.Select(line.Array[1, 400], Gen.Int[4096, 20_000], Gen.Int[0, 3]).Sample(
            (lines, chunkBytes, gaps) =>
            {
                var root = Path.Combine(_root, Guid.NewGuid().ToString("N"));
                var archive = new FolderArchive(root);
                var writer = new ArchiveWriter(archive, "p.log", new ArchiveWriterOptions { ChunkBytes = chunkBytes });
                var numbers = new long[lines.Length];
                long number = 1;
                for (var i = 0; i < lines.Length; i++)
                {
                    if (gaps > 0 && i % 97 == 50)
                        number += gaps;
                    numbers[i] = number++;
                    writer.AddLineAsync(numbers[i], lines[i], T0.AddSeconds(i)).AsTask().GetAwaiter().GetResult();
                }

                writer.FlushAsync().GetAwaiter().GetResult();
                var report = new ArchiveReadReport();
                var read = ReadAsync(archive, "p.log", report).GetAwaiter().GetResult();
                Directory.Delete(root, recursive: true);
                return read.Select(l => l.Text).SequenceEqual(lines)
                    && read.Select(l => l.Number).SequenceEqual(numbers)
                    && report.Problems.Count == 0
                    && report.MissingLines == numbers[^1] - numbers[0] + 1 - lines.Length;
            },
            iter: 40);
    }

    private readonly record struct SourceLineView(long Number, string Text);
}
