using CsCheck;
using Culprit.Framing;
using Culprit.Ingestion;

namespace Culprit.Tests.Framing;

public sealed class FrameReaderTests
{
    private static List<RawEntry> Frame(string text, FramingOptions? options = null)
    {
        var lines = text.Split('\n').Select((t, i) => new SourceLine(t, i + 1, 0, false));
        return new FrameReader(options).Frame("test", lines).ToList();
    }

    [Fact]
    public void StackTraceLinesJoinTheEntryThatStartedThem()
    {
        var entries = Frame("""
            2026-01-02 10:00:00.000 ERROR [main] c.a.Svc - failed
            java.lang.IllegalStateException: boom
            	at c.a.Svc.run(Svc.java:10)
            Caused by: java.io.IOException: disk
            	... 1 more
            2026-01-02 10:00:01.000 INFO [main] c.a.Svc - next
            """);
        Assert.Equal(2, entries.Count);
        Assert.Equal(5, entries[0].Lines.Count);
        Assert.Equal(6, entries[1].FirstLine);
        Assert.True(entries[0].StartsWithHeader);
    }

    [Fact]
    public void TwoThreadsTracesStayApartWhenEachHasAHeader()
    {
        var entries = Frame("""
            2026-01-02 10:00:00 ERROR [t1] a - one
            java.lang.RuntimeException: a
            	at x.A.a(A.java:1)
            2026-01-02 10:00:00 ERROR [t2] b - two
            java.lang.RuntimeException: b
            	at x.B.b(B.java:2)
            """);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(3, e.Lines.Count));
    }

    [Fact]
    public void JsonLinesAreEntriesOfTheirOwn()
    {
        var entries = Frame("{\"msg\":\"a\"}\n{\"msg\":\"b\"}");
        Assert.Equal(2, entries.Count);
    }

    [Fact]
    public void LinesBeforeAnyHeaderFormAHeaderlessEntry()
    {
        var entries = Frame("Traceback (most recent call last):\n  File \"x.py\", line 1, in <module>\nKeyError: 'a'\n2026-01-02 10:00:00 INFO ok");
        Assert.Equal(2, entries.Count);
        Assert.False(entries[0].StartsWithHeader);
        Assert.Equal(3, entries[0].Lines.Count);
    }

    [Fact]
    public void AnEntryIsSplitAtTheLineCapWithANote()
    {
        var text = string.Join('\n', Enumerable.Range(0, 25).Select(i => "  continuation " + i));
        var entries = Frame(text, new FramingOptions { MaxEntryLines = 10 });
        Assert.Equal([10, 10, 5], entries.Select(e => e.Lines.Count));
        Assert.NotNull(entries[1].Note);
    }

    [Fact]
    public void EveryLineLandsInExactlyOneEntryInOrder()
    {
        var lineGen = Gen.Int[0, 7].Select(i => new[] {
            "2026-01-02 10:00:00 ERROR x",
            "\tat a.B.c(B.java:1)",
            "{\"level\":\"error\"}",
            "",
            "plain text",
            "Caused by: x.Y: z",
            "INFO: something",
            "[2026-01-02 10:00:00] WARN w" }[i]);
        lineGen.Array[0, 200].Sample(lines =>
        {
            var sources = lines.Select((t, i) => new SourceLine(t, i + 1, i, false)).ToList();
            var entries = new FrameReader(new FramingOptions { MaxEntryLines = 7 }).Frame("p", sources).ToList();
            var flattened = entries.SelectMany(e => e.Lines.Select((l, k) => (Number: e.FirstLine + k, Text: l))).ToList();
            Assert.Equal(lines.Length, flattened.Count);
            Assert.Equal(sources.Select(s => (s.Number, s.Text)), flattened);
        });
    }
}
