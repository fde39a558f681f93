using CsCheck;
using System.IO.Compression;
using System.Text;
using Culprit.Ingestion;

namespace Culprit.Tests.Ingestion;

public sealed class LineReaderTests
{
    private static List<SourceLine> ReadAll(byte[] bytes, int maxLine = LineReader.MaxLineBytes, int buffer = 64 * 1024)
    {
        using var reader = new LineReader(new MemoryStream(bytes), maxLine, buffer);
        var lines = new List<SourceLine>();
        while (reader.TryRead(out var line))
            lines.Add(line);
        return lines;
    }

    [Fact]
    public void SplitsOnLfAndCrLfAndKeepsALastLineWithoutNewline()
    {
        var lines = ReadAll("one\r\ntwo\nthree"u8.ToArray());
        Assert.Equal(["one", "two", "three"], lines.Select(l => l.Text));
        Assert.Equal([1L, 2L, 3L], lines.Select(l => l.Number));
        Assert.Equal([0L, 5L, 9L], lines.Select(l => l.ByteOffset));
    }

    [Fact]
    public void EmptyStreamHasNoLines() => Assert.Empty(ReadAll([]));

    [Fact]
    public void InvalidUtf8IsReplacedNotFatal()
    {
        var lines = ReadAll([(byte)'a', 0xff, 0xfe, (byte)'b', (byte)'\n', (byte)'c']);
        Assert.Equal(2, lines.Count);
        Assert.Equal("a\uFFFD\uFFFDb", lines[0].Text);
        Assert.Equal("c", lines[1].Text);
    }

    [Fact]
    public void ByteOrderMarkIsDropped() =>
        Assert.Equal("x", ReadAll([0xEF, 0xBB, 0xBF, (byte)'x']).Single().Text);

    [Fact]
    public void LongLineIsCutAndTheNextLineIsIntact()
    {
        var text = new string('a', 5000) + "\nnext\n";
        var lines = ReadAll(Encoding.UTF8.GetBytes(text), maxLine: 1024, buffer: 256);
        Assert.Equal(2, lines.Count);
        Assert.True(lines[0].Cut);
        Assert.Equal(1024, lines[0].Text.Length);
        Assert.Equal("next", lines[1].Text);
        Assert.Equal(2, lines[1].Number);
        Assert.Equal(5001, lines[1].ByteOffset);
    }

    [Fact]
    public void CutNeverSplitsAMultiByteCharacter()
    {
        var text = new string('é', 3000) + "\n";
        var line = ReadAll(Encoding.UTF8.GetBytes(text), maxLine: 1001, buffer: 256).Single();
        Assert.True(line.Cut);
        Assert.DoesNotContain('\uFFFD', line.Text);
        Assert.Equal(500, line.Text.Length);
    }

    [Fact]
    public void TruncatedGzipKeepsWhatWasReadAndReportsFailure()
    {
        var plain = new StringBuilder();
        for (var i = 0; i < 20000; i++)
            plain.Append("line ").Append(i).Append('\n');
        using var compressed = new MemoryStream();
        using (var gz = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            gz.Write(Encoding.UTF8.GetBytes(plain.ToString()));
        var cut = compressed.ToArray()[..(int)(compressed.Length / 2)];
        var path = Path.Combine(Path.GetTempPath(), $"culprit-trunc-{Guid.NewGuid():N}.log.gz");
        File.WriteAllBytes(path, cut);

        using var reader = new LineReader(Culprit.Ingestion.Files.LogFiles.Open(path));
        var count = 0;
        while (reader.TryRead(out _))
            count++;
        Assert.InRange(count, 1, 19999);
        Assert.Contains("truncated", reader.Failure, StringComparison.Ordinal);
        File.Delete(path);
    }

    [Fact]
    public void RandomBytesNeverThrowAndEveryNewlineEndsOneLine()
    {
        Gen.Byte.Array[0, 3000].Sample(bytes =>
        {
            var lines = ReadAll(bytes, maxLine: 512, buffer: 256);
            var newlines = bytes.Count(b => b == (byte)'\n');
            var expected = newlines + (bytes.Length > 0 && bytes[^1] != (byte)'\n' ? 1 : 0);
            Assert.Equal(expected, lines.Count);
            Assert.Equal(Enumerable.Range(1, lines.Count).Select(i => (long)i), lines.Select(l => l.Number));
        });
    }
}
