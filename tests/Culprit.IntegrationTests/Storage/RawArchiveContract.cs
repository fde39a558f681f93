using System.Security.Cryptography;
using System.Text;
using Culprit.Ingestion.Archive;
using Culprit.Storage;

namespace Culprit.IntegrationTests.Storage;

/// <summary>What every <see cref="IRawArchive"/> must do; each backend runs it against a fresh, empty archive per test.</summary>
public abstract class RawArchiveContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2024, 3, 10, 8, 15, 30, TimeSpan.Zero);

    private IRawArchive? _archive;

    protected IRawArchive Archive => _archive ?? throw new InvalidOperationException("not initialised");

    /// <summary>A new, empty archive of its own.</summary>
    protected abstract Task<IRawArchive> CreateArchiveAsync();

    /// <summary>Removes what <see cref="CreateArchiveAsync"/> made.</summary>
    protected abstract Task DestroyArchiveAsync();

    public async Task InitializeAsync() => _archive = await CreateArchiveAsync();

    public Task DisposeAsync() => DestroyArchiveAsync();

    protected static ArchiveChunk Chunk(string source, long first, long last, DateTimeOffset? from = null, DateTimeOffset? to = null) =>
        new(source, first, last, from ?? T0.AddMinutes(first), to ?? T0.AddMinutes(last), T0.AddDays(1));

    protected async Task<List<ArchiveChunk>> ListAsync(string? source = null)
    {
        var chunks = new List<ArchiveChunk>();
        await foreach (var chunk in Archive.ListAsync(source))
            chunks.Add(chunk);
        return chunks;
    }

    protected async Task<byte[]> ReadAsync(ArchiveChunk chunk)
    {
        await using var stream = await Archive.OpenAsync(chunk);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static void AssertSame(ArchiveChunk expected, ArchiveChunk actual)
    {
        Assert.Equal(
            (expected.Source, expected.FirstLine, expected.LastLine, expected.From, expected.To),
            (actual.Source, actual.FirstLine, actual.LastLine, actual.From, actual.To));
        Assert.NotEmpty(actual.Key);
    }

    [Fact]
    public async Task WrittenChunkListsAndOpensWithTheSameBytes()
    {
        var raw = new byte[4096 + 256];
        for (var i = 0; i < 256; i++)
            raw[i] = (byte)i;
        new Random(7).NextBytes(raw.AsSpan(256));
        var chunk = Chunk("app.log", 1, 120, T0.AddTicks(1234567), T0.AddHours(2).AddTicks(89));

        await Archive.WriteAsync(chunk, raw);

        var listed = Assert.Single(await ListAsync());
        AssertSame(chunk, listed);
        Assert.Equal(raw, await ReadAsync(listed));
        Assert.Equal(raw, await ReadAsync(chunk)); // by its fields, without the key
    }

    [Fact]
    public async Task EmptyAndUndatedChunksRoundTrip()
    {
        var chunk = Chunk("plain.log", 5, 5) with { From = null, To = null };
        await Archive.WriteAsync(chunk, ReadOnlyMemory<byte>.Empty);

        var listed = Assert.Single(await ListAsync());
        AssertSame(chunk, listed);
        Assert.Empty(await ReadAsync(listed));
    }

    [Fact]
    public async Task WritingTheSameChunkTwiceKeepsOne()
    {
        var chunk = Chunk("app.log", 1, 10);
        var raw = Encoding.UTF8.GetBytes("one\ntwo\n");
        await Archive.WriteAsync(chunk, raw);
        await Archive.WriteAsync(chunk with { WrittenAt = T0.AddDays(2) }, raw);

        var listed = Assert.Single(await ListAsync());
        Assert.Equal(raw, await ReadAsync(listed));
    }

    [Fact]
    public async Task ListingIsInSourceThenLineOrderAndFiltersBySource()
    {
        string[] sources = ["b.log", "/var/log/a.log", "dir with spaces/ü ñ 100%.log", "a.log"];
        foreach (var source in sources)
        {
            // Lines out of order, spread over days, so neither write order nor key order gives the answer.
            await Archive.WriteAsync(Chunk(source, 1001, 2000, T0.AddDays(-3), T0.AddDays(-3)), "x"u8.ToArray());
            await Archive.WriteAsync(Chunk(source, 1, 999, T0.AddDays(1), T0.AddDays(1)), "y"u8.ToArray());
            await Archive.WriteAsync(Chunk(source, 1000, 1000, null, null), "z"u8.ToArray());
        }

        var all = await ListAsync();
        var expected = sources.Order(StringComparer.Ordinal)
            .SelectMany(s => new[] { (s, 1L), (s, 1000L), (s, 1001L) })
            .ToList();
        Assert.Equal(expected, all.Select(c => (c.Source, c.FirstLine)).ToList());

        var one = await ListAsync("dir with spaces/ü ñ 100%.log");
        Assert.Equal([1L, 1000L, 1001L], one.Select(c => c.FirstLine));
        Assert.All(one, c => Assert.Equal("dir with spaces/ü ñ 100%.log", c.Source));
        Assert.Empty(await ListAsync("c.log"));
    }

    [Fact]
    public async Task RetentionDeletesChunksWhoseNewestEntryIsBeforeTheCutoff()
    {
        await Archive.WriteAsync(Chunk("app.log", 1, 10, T0.AddDays(-10), T0.AddDays(-9)), "old"u8.ToArray());
        await Archive.WriteAsync(Chunk("app.log", 11, 20, T0.AddDays(-9), T0.AddDays(-1)), "spans the cutoff"u8.ToArray());
        await Archive.WriteAsync(Chunk("other.log", 1, 10, T0.AddDays(-30), T0.AddDays(-20)), "old"u8.ToArray());
        await Archive.WriteAsync(Chunk("other.log", 11, 20, T0, T0), "new"u8.ToArray());

        Assert.Equal(2, await Archive.DeleteOlderThanAsync(T0.AddDays(-5)));

        Assert.Equal([("app.log", 11L), ("other.log", 11L)], (await ListAsync()).Select(c => (c.Source, c.FirstLine)));
        Assert.Equal(0, await Archive.DeleteOlderThanAsync(T0.AddDays(-5)));
        Assert.Equal(2, await Archive.DeleteOlderThanAsync(T0.AddDays(1)));
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task ChunkWithoutTimestampsExpiresByItsWriteTime()
    {
        var now = TimeProvider.System.GetUtcNow();
        await Archive.WriteAsync(new ArchiveChunk("plain.log", 1, 3, null, null, now), "a\nb\nc\n"u8.ToArray());

        Assert.Equal(0, await Archive.DeleteOlderThanAsync(now.AddHours(-1)));
        Assert.Single(await ListAsync());
        Assert.Equal(1, await Archive.DeleteOlderThanAsync(now.AddHours(1)));
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task OpeningAChunkThatIsNotStoredFailsWithFileNotFound()
    {
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => Archive.OpenAsync(Chunk("app.log", 1, 10)));
        Assert.Contains("app.log", error.Message, StringComparison.Ordinal);

        await Archive.WriteAsync(Chunk("app.log", 1, 10, T0.AddDays(-2), T0.AddDays(-2)), "x"u8.ToArray());
        var listed = Assert.Single(await ListAsync());
        await Archive.DeleteOlderThanAsync(T0);
        await Assert.ThrowsAsync<FileNotFoundException>(() => Archive.OpenAsync(listed));
    }

    [Fact]
    public async Task LargeChunkRoundTrips()
    {
        // 6 MB: half log-like text, half random bytes that do not compress.
        var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 40_000).Select(i => $"2024-03-10 08:15:{i % 60:00} ERROR worker {i} failed\n")));
        var raw = new byte[6 << 20];
        text.AsSpan(0, Math.Min(text.Length, raw.Length / 2)).CopyTo(raw);
        new Random(11).NextBytes(raw.AsSpan(raw.Length / 2));

        await Archive.WriteAsync(Chunk("big.log", 1, 80_000), raw);

        var read = await ReadAsync(Assert.Single(await ListAsync()));
        Assert.Equal(SHA256.HashData(raw), SHA256.HashData(read));
    }

    [Fact]
    public async Task ManyChunksAllListInLineOrder()
    {
        const int count = 1100; // past the 1,000 keys of one S3 listing page
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, ct) => await Archive.WriteAsync(Chunk("many.log", (i * 10L) + 1, (i * 10L) + 10, T0.AddHours(i), T0.AddHours(i)), Encoding.UTF8.GetBytes($"chunk {i}\n"), ct));
        await Archive.WriteAsync(Chunk("other.log", 1, 1), "x"u8.ToArray());

        var listed = await ListAsync("many.log");
        Assert.Equal(Enumerable.Range(0, count).Select(i => (i * 10L) + 1), listed.Select(c => c.FirstLine));
        Assert.Equal(count + 1, (await ListAsync()).Count);
        Assert.Equal("chunk 1099\n", Encoding.UTF8.GetString(await ReadAsync(listed[^1])));
    }

    [Fact]
    public async Task ReprocessingFromTheArchiveReproducesTheIncidents()
    {
        var folder = Directory.CreateTempSubdirectory("culprit-replay-").FullName;
        try
        {
            var originals = Directory.GetFiles(ArchiveSamples.Logs).Order(StringComparer.Ordinal).ToList();
            var replayed = new List<string>();
            foreach (var original in originals)
            {
                var writer = await ArchiveSamples.ArchiveAsync(Archive, original, chunkBytes: 4096);
                Assert.True(writer.ChunksWritten > 1, $"{original} should span several chunks");

                var copy = Path.Combine(folder, Path.GetFileName(original));
                await using (var file = File.Create(copy))
                {
                    var report = await new ArchiveReader(Archive).CopyToAsync(original, file);
                    Assert.Equal((writer.LinesWritten, 0L), (report.Lines, report.MissingLines));
                    Assert.Empty(report.Problems);
                }

                Assert.Equal(File.ReadAllLines(original), File.ReadAllLines(copy));
                replayed.Add(copy);
            }

            var before = await ArchiveSamples.AnalyzeAsync(originals);
            var after = await ArchiveSamples.AnalyzeAsync(replayed);
            Assert.NotEmpty(before.Incidents);
            Assert.Equal(before.Incidents.Select(i => (i.Id, i.Count, i.Title)), after.Incidents.Select(i => (i.Id, i.Count, i.Title)));
            Assert.Equal((before.Occurrences, before.Stats.Lines, before.Stats.Entries), (after.Occurrences, after.Stats.Lines, after.Stats.Entries));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
