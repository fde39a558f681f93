using Culprit.Model;

namespace Culprit.Tests.Exceptions;

/// <summary>How a traceback sits in the log: prefixes, stripped indentation, markers of other tools, quoted remote tracebacks.</summary>
public sealed class PythonTraceLayoutTests
{
    [Fact]
    public void PrefixRepeatedOnEveryLineIsRemoved()
    {
        var found = PythonTraceParserTests.Parse("""
            api_1  | Traceback (most recent call last):
            api_1  |   File "/app/api.py", line 14, in handle
            api_1  |     return route(req)
            api_1  | LookupError: no route for /x
            api_1  | 2024-05-01 10:00:00 INFO GET /y 200
            """);

        var e = Assert.Single(found);
        Assert.Equal((1L, 4L), (e.FirstLine, e.LastLine));
        Assert.Equal("handle", Assert.Single(e.Frames).Function);
        Assert.Equal("LookupError", e.Type);
    }

    [Fact]
    public void StrippedIndentationIsStillRead()
    {
        var found = PythonTraceParserTests.Parse("""
            Traceback (most recent call last):
            File "svc.py", line 3, in <module>
            main()
            File "svc.py", line 2, in main
            raise OSError("disk full")
            OSError: disk full
            """);

        var e = Assert.Single(found);
        Assert.Equal(2, e.Frames.Count);
        Assert.Equal(("OSError", "disk full"), (e.Type, e.Message));
        Assert.Equal(6L, e.LastLine);
    }

    [Fact]
    public void TwistedCaughtHereMarkerIsSkipped()
    {
        var found = PythonTraceParserTests.Parse("""
            Traceback (most recent call last):
              File "reactor.py", line 10, in run
                self.step()
            --- <exception caught here> ---
              File "proto.py", line 4, in step
                parse(data)
            builtins.ValueError: bad frame
            """);

        var e = Assert.Single(found);
        Assert.Equal(2, e.Frames.Count);
        Assert.Equal("builtins.ValueError", e.Type);
    }

    [Fact]
    public void UniformlyIndentedPasteWithEmptyBlankLines()
    {
        var found = PythonTraceParserTests.Parse(
            "    Traceback (most recent call last):\n"
            + "      File \"a.py\", line 2, in <module>\n"
            + "        load()\n"
            + "    FileNotFoundError: cfg.toml\n"
            + "\n"
            + "    During handling of the above exception, another exception occurred:\n"
            + "\n"
            + "    Traceback (most recent call last):\n"
            + "      File \"a.py\", line 4, in <module>\n"
            + "    SystemExit: 1\n");

        var e = Assert.Single(found);
        Assert.Equal((1L, 10L), (e.FirstLine, e.LastLine));
        Assert.Equal("SystemExit", e.Type);
        Assert.Equal(("FileNotFoundError", ExceptionRelation.Context), (e.Causes[0].Type, e.Causes[0].Relation));
    }

    [Fact]
    public void RemoteTracebackIsTheMessageOfTheCause()
    {
        var found = PythonTraceParserTests.Parse(""""
            concurrent.futures.process._RemoteTraceback:
            """
            Traceback (most recent call last):
              File "/usr/lib/python3.12/concurrent/futures/process.py", line 263, in _process_worker
                r = call_item.fn(*call_item.args, **call_item.kwargs)
              File "/srv/resize.py", line 8, in shrink
                raise ValueError("empty image")
            ValueError: empty image
            """

            The above exception was the direct cause of the following exception:

            Traceback (most recent call last):
              File "/srv/resize.py", line 20, in <module>
                print(future.result())
            ValueError: empty image
            """");

        var e = Assert.Single(found);
        Assert.Equal((1L, 16L), (e.FirstLine, e.LastLine));
        Assert.Equal(("ValueError", "empty image"), (e.Type, e.Message));
        var remote = Assert.Single(e.Causes);
        Assert.Equal(("concurrent.futures.process._RemoteTraceback", "", ExceptionRelation.Cause), (remote.Type, remote.Message, remote.Relation));
        Assert.Equal(8, remote.MessageContinuation.Count);
        Assert.Empty(remote.Frames);
    }
}
