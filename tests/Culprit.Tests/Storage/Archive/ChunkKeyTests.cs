using Culprit.Storage;
using Culprit.Storage.Archive;

namespace Culprit.Tests.Storage.Archive;

public sealed class ChunkKeyTests
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 10, 23, 59, 59, TimeSpan.FromHours(-2));

    [Fact]
    public void KeyIsSourceHashThenUtcDayThenPaddedLinesAndTimes()
    {
        var chunk = new ArchiveChunk("app.log", 7, 1234, T0.AddTicks(5), T0.AddHours(1), T0);

        var key = ChunkKey.Format(chunk, ArchiveCompression.Zstd);

        Assert.Equal($"{ChunkKey.SourceHash("app.log")}/2024-03-11/000000000007-000000001234_20240311T015959.0000005Z_20240311T025959.0000000Z.zst", key);
        Assert.Matches("^[0-9a-f]{16}$", ChunkKey.SourceHash("app.log"));
    }

    [Fact]
    public void KeyReadsBackToTheSameRangesAtFullPrecision()
    {
        var chunk = new ArchiveChunk("x", 1, 1_000_000_000_000, T0.AddTicks(1), T0.AddTicks(2), T0);

        Assert.True(ChunkKey.TryParse(ChunkKey.Format(chunk, ArchiveCompression.Gzip), out var name));

        Assert.Equal(new ChunkName(ChunkKey.SourceHash("x"), 1, 1_000_000_000_000, chunk.From, chunk.To, ArchiveCompression.Gzip), name);
    }

    [Fact]
    public void ChunkWithoutTimestampsIsUndated()
    {
        var key = ChunkKey.Format(new ArchiveChunk("x", 3, 4, null, null, T0), ArchiveCompression.Zstd);

        Assert.EndsWith("/undated/000000000003-000000000004_none_none.zst", key, StringComparison.Ordinal);
        Assert.True(ChunkKey.TryParse(key, out var name));
        Assert.Null(name.From);
        Assert.Null(name.To);
    }

    [Theory]
    [InlineData("0123456789abcdef/2024-03-10/000000000001-000000000002_none_none.zst.5f3a.tmp")]
    [InlineData("0123456789abcdef/source.txt")]
    [InlineData("0123456789abcdef/2024-03-10/../../../etc/passwd")]
    [InlineData("../0123456789abcdef/2024-03-10/000000000001-000000000002_none_none.zst")]
    [InlineData("0123456789ABCDEF/2024-03-10/000000000001-000000000002_none_none.zst")]
    [InlineData("0123456789abcdef/2024-13-10/000000000001-000000000002_none_none.zst")]
    [InlineData("0123456789abcdef/2024-03-10/000000000002-000000000001_none_none.zst")]
    [InlineData("0123456789abcdef/2024-03-10/000000000000-000000000001_none_none.zst")]
    [InlineData("0123456789abcdef/2024-03-10/+1-2_none_none.zst")]
    [InlineData("0123456789abcdef/2024-03-10/1-2_yesterday_none.zst")]
    [InlineData("0123456789abcdef/2024-03-10/1-2_none_none.txt")]
    [InlineData("0123456789abcdef/2024-03-10/1-2_none.zst")]
    public void AnythingElseIsNotAChunkKey(string key) => Assert.False(ChunkKey.TryParse(key, out _));

    [Fact]
    public void ImpossibleChunksAreRejected()
    {
        Assert.Throws<ArgumentException>(() => ChunkKey.Check(new ArchiveChunk("", 1, 1, null, null, T0)));
        Assert.Throws<ArgumentException>(() => ChunkKey.Check(new ArchiveChunk("x", 0, 1, null, null, T0)));
        Assert.Throws<ArgumentException>(() => ChunkKey.Check(new ArchiveChunk("x", 5, 4, null, null, T0)));
        Assert.Throws<ArgumentException>(() => ChunkKey.Check(new ArchiveChunk("x", 1, 2, T0, T0.AddTicks(-1), T0)));
    }
}
