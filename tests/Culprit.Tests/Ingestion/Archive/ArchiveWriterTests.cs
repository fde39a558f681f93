using System.Text;
using Culprit.Framing;
using Culprit.Ingestion.Archive;
using Culprit.Storage;
using Culprit.Storage.Archive;
using Culprit.Tests.Support;

namespace Culprit.Tests.Ingestion.Archive;

public sealed class ArchiveWriterTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 10, 8, 0, 0, TimeSpan.Zero);

    private readonly string _root = Directory.CreateTempSubdirectory("culprit-writer-").FullName;
    private readonly FolderArchive _archive;

    public ArchiveWriterTests() => _archive = new FolderArchive(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static RawEntry Entry(long firstLine, params string[] lines)
    {
        var entry = new RawEntry("app.log", firstLine, 0);
        entry.Lines.AddRange(lines);
        return entry;
    }

    private async Task<List<ArchiveChunk>> ChunksAsync()
    {
        var chunks = new List<ArchiveChunk>();
        await foreach (var chunk in _archive.ListAsync())
            chunks.Add(chunk);
        return chunks;
    }

    private async Task<string> TextAsync(ArchiveChunk chunk)
    {
        await using var stream = await _archive.OpenAsync(chunk);
        return await new StreamReader(stream, Encoding.UTF8).ReadToEndAsync();
    }

    [Fact]
    public async Task ChunksEndAtTheFirstEntryBoundaryPastTheSize()
    {
        var writer = new ArchiveWriter(_archive, "app.log", new ArchiveWriterOptions { ChunkBytes = 4096 }, new FixedTimeProvider(T0));
        var trace = Enumerable.Range(0, 30).Select(i => $"    at Service.Method{i}() in /src/Service.cs:line {i}").ToArray();
        long line = 1;
        for (var i = 0; i < 20; i++)
        {
            await writer.AddAsync(Entry(line, [$"2024-03-10 08:{i:00}:00 ERROR failed {i}", .. trace]), T0.AddMinutes(i));
            line += 31;
        }

        await writer.FlushAsync();

        var chunks = await ChunksAsync();
        Assert.True(chunks.Count > 2);
        Assert.Equal(chunks.Count, writer.ChunksWritten);
        Assert.Equal(20 * 31, writer.LinesWritten);
        for (var i = 0; i < chunks.Count; i++)
        {
            // Every chunk starts where the one before ended, at an entry's first line, and holds whole entries.
            Assert.Equal(i == 0 ? 1 : chunks[i - 1].LastLine + 1, chunks[i].FirstLine);
            Assert.Equal(0, chunks[i].LineCount % 31);
            Assert.Equal(T0.AddMinutes((chunks[i].FirstLine - 1) / 31), chunks[i].From);
            Assert.Equal(T0.AddMinutes((chunks[i].LastLine - 31) / 31), chunks[i].To);
            Assert.Equal(T0, chunks[i].WrittenAt);
            Assert.StartsWith($"2024-03-10 08:{(chunks[i].FirstLine - 1) / 31:00}:00 ERROR", await TextAsync(chunks[i]), StringComparison.Ordinal);
        }

        Assert.Equal(20 * 31, chunks[^1].LastLine);
    }

    [Fact]
    public async Task GapInTheLineNumbersStartsANewChunk()
    {
        var writer = new ArchiveWriter(_archive, "app.log");
        await writer.AddLineAsync(1, "one");
        await writer.AddLineAsync(2, "two", T0);
        await writer.AddLineAsync(10, "ten");
        await writer.FlushAsync();

        var chunks = await ChunksAsync();
        Assert.Equal([(1L, 2L), (10L, 10L)], chunks.Select(c => (c.FirstLine, c.LastLine)));
        Assert.Equal((T0, T0), (chunks[0].From, chunks[0].To));
        Assert.Equal(((DateTimeOffset?)null, (DateTimeOffset?)null), (chunks[1].From, chunks[1].To));
        Assert.Equal("one\ntwo\n", await TextAsync(chunks[0]));
    }

    [Fact]
    public async Task NothingGatheredWritesNothing()
    {
        var writer = new ArchiveWriter(_archive, "app.log");
        await writer.AddAsync(Entry(1), T0);
        await writer.FlushAsync();
        await writer.FlushAsync();

        Assert.Empty(await ChunksAsync());
        Assert.Equal(0, writer.ChunksWritten);
    }

    [Fact]
    public async Task MisuseIsRefused()
    {
        var writer = new ArchiveWriter(_archive, "app.log");

        await Assert.ThrowsAsync<ArgumentException>(async () => await writer.AddAsync(new RawEntry("other.log", 1, 0) { Lines = { "x" } }, null));
        await Assert.ThrowsAsync<ArgumentException>(async () => await writer.AddLineAsync(1, "two\nlines"));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await writer.AddLineAsync(0, "zero"));
        Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => new ArchiveWriter(_archive, "a", new ArchiveWriterOptions { ChunkBytes = 10 }));
    }
}
