using Culprit.Storage;
using Culprit.Storage.DuckDb;

namespace Culprit.Tests.Storage;

public sealed class DuckDbSourceMarksTests
{
    private static LogRow Row(string source, long line) => new() { Source = source, Line = line, LastLine = line, Message = "m", Format = "plain" };

    [Fact]
    public void EachSourceGetsItsHighestLineWhateverTheOrder()
    {
        var marks = DuckDbSourceMarks.Of([Row("a.log", 3), Row("b.log", 9), Row("a.log", 7), Row("a.log", 5), Row("b.log", 2)]);

        Assert.Equal(2, marks.Count);
        Assert.Equal(7, marks["a.log"]);
        Assert.Equal(9, marks["b.log"]);
    }

    [Fact]
    public void EqualTextInDifferentStringsIsOneSource()
    {
        var first = new string("app.log".AsSpan());
        var second = new string("app.log".AsSpan());
        Assert.NotSame(first, second);

        var marks = DuckDbSourceMarks.Of([Row(first, 10), Row(second, 12), Row(first, 11)]);

        Assert.Equal(12, Assert.Single(marks).Value);
    }

    [Fact]
    public void ManyDistinctStringsOfFewSourcesAreMergedByText()
    {
        // 300 rows over 3 sources, every row with a string of its own: past 64 references it compares by value.
        var rows = Enumerable.Range(1, 300).Select(i => Row(new string($"s{i % 3}.log".AsSpan()), i)).ToList();

        var marks = DuckDbSourceMarks.Of(rows);

        Assert.Equal(3, marks.Count);
        Assert.Equal(300, marks["s0.log"]);
        Assert.Equal(298, marks["s1.log"]);
        Assert.Equal(299, marks["s2.log"]);
    }
}
