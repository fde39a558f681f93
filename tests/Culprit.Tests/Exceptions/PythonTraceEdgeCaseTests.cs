using Culprit.Exceptions;

namespace Culprit.Tests.Exceptions;

/// <summary>Cut, malformed and foreign input: the Python parser must not throw and must not claim other runtimes' traces.</summary>
public sealed class PythonTraceEdgeCaseTests
{
    private const string Sample = """
        2024-05-01 ERROR x Traceback (most recent call last):
          File "a.py", line 3, in <module>
            f()
          File "a.py", line 2, in f
            raise KeyError("k")
            ^^^^^^^^^^^^^^^^^^^
        KeyError: 'k'

        During handling of the above exception, another exception occurred:

          + Exception Group Traceback (most recent call last):
          |   File "b.py", line 9, in g
          |     raise ExceptionGroup("batch", errs)
          | ExceptionGroup: batch (2 sub-exceptions)
          +-+---------------- 1 ----------------
            | Traceback (most recent call last):
            |   File "b.py", line 4, in one
            | ValueError: v
            +---------------- 2 ----------------
            | TypeError: t
            |
            | note line
            +------------------------------------
        """;

    [Fact]
    public void EveryCutOfATraceParsesWithoutThrowing()
    {
        var lines = Sample.Split('\n');
        for (var count = 1; count <= lines.Length; count++)
        {
            var cut = string.Join('\n', lines, 0, count);
            for (var end = 0; end <= lines[count - 1].Length; end++)
            {
                var text = cut[..(cut.Length - lines[count - 1].Length + end)];
                var found = PythonTraceParserTests.Parse(text);
                Assert.All(found, e => Assert.True(e.LastLine >= e.FirstLine));
            }
        }
    }

    [Fact]
    public void FramesWithoutAFinalLineAreATruncatedTrace()
    {
        var found = PythonTraceParserTests.Parse("""
            Traceback (most recent call last):
              File "a.py", line 3, in <module>
                f()
            """);

        var e = Assert.Single(found);
        Assert.True(e.Truncated);
        Assert.Null(e.Type);
        Assert.Null(e.Message);
        Assert.Equal(3L, e.LastLine);
    }

    [Fact]
    public void CutTraceFollowedByAnotherStaysTwoTraces()
    {
        var found = PythonTraceParserTests.Parse("""
            Traceback (most recent call last):
              File "a.py", line 3, in <module>
            Traceback (most recent call last):
              File "b.py", line 1, in <module>
            NameError: name 'x' is not defined
            """);

        Assert.Equal(2, found.Count);
        Assert.Equal((1L, 2L, true), (found[0].FirstLine, found[0].LastLine, found[0].Truncated));
        Assert.Equal((3L, 5L, "NameError"), (found[1].FirstLine, found[1].LastLine, found[1].Type));
    }

    [Fact]
    public void SeparatorAtTheEndLeavesATruncatedTopLevel()
    {
        var found = PythonTraceParserTests.Parse("""
            Traceback (most recent call last):
              File "a.py", line 3, in <module>
            KeyError: 'k'

            During handling of the above exception, another exception occurred:
            """);

        var e = Assert.Single(found);
        Assert.True(e.Truncated);
        Assert.Null(e.Type);
        Assert.Equal("KeyError", Assert.Single(e.Causes).Type);
        Assert.Equal(5L, e.LastLine);
    }

    [Theory]
    [InlineData("Traceback (most recent call last):")]
    [InlineData("Traceback (most recent call last):\n\n2024-01-01 INFO next")]
    [InlineData("ValueError: not a trace on its own")]
    [InlineData("Stack (most recent call last):\n  File \"a.py\", line 1, in <module>\n    log.info('x', stack_info=True)\n  File \"a.py\", line 2, in f\n    g()")]
    [InlineData("")]
    [InlineData("   \n\t\n")]
    [InlineData("File \"unterminated")]
    [InlineData("  +-+---------------- 1 ----------------\n    | ValueError: v")]
    public void NotATrace(string text) => Assert.Empty(PythonTraceParserTests.Parse(text));

    [Theory]
    [InlineData("java.lang.IllegalStateException: boom\n\tat com.shop.Orders.place(Orders.java:42)\n\tat com.shop.Main.main(Main.java:7)")]
    [InlineData("System.InvalidOperationException: boom\n   at Shop.Orders.Place() in /src/Orders.cs:line 42")]
    [InlineData("TypeError: Cannot read properties of undefined (reading 'id')\n    at place (/app/orders.js:42:13)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)")]
    [InlineData("panic: runtime error: index out of range [3] with length 3\n\ngoroutine 1 [running]:\nmain.main()\n\t/app/main.go:8 +0x1d")]
    [InlineData("/app/orders.rb:42:in `place': boom (RuntimeError)\n\tfrom /app/main.rb:7:in `<main>'")]
    [InlineData("PHP Fatal error:  Uncaught Exception: boom in /var/www/a.php:3\nStack trace:\n#0 {main}\n  thrown in /var/www/a.php on line 3")]
    [InlineData("thread 'main' panicked at src/main.rs:4:5:\nboom\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace")]
    public void OtherRuntimesAreNotClaimed(string text) => Assert.Empty(PythonTraceParserTests.Parse(text));

    [Fact]
    public void DecodedJsonFieldMapsEveryLineToTheRecordLine()
    {
        var lines = TraceLines.FromText("Traceback (most recent call last):\n  File \"a.py\", line 1, in <module>\nOSError: gone", 12, allOnOneLine: true);
        Assert.True(new PythonTraceParser().TryParse(lines, 0, out var match));
        Assert.Equal((0, 2), (match.FirstIndex, match.LastIndex));
        Assert.Equal("OSError", match.Exception.Type);
    }
}
