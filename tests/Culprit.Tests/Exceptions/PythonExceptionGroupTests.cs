using Culprit.Model;

namespace Culprit.Tests.Exceptions;

public sealed class PythonExceptionGroupTests
{
    [Fact]
    public void MembersHaveTheirOwnLinesFramesAndCauses()
    {
        var found = PythonTraceParserTests.Parse("""
            sync failed
              + Exception Group Traceback (most recent call last):
              |   File "sync.py", line 30, in <module>
              |     run_all()
              |   File "sync.py", line 25, in run_all
              |     raise ExceptionGroup("sync errors", errors)
              | ExceptionGroup: sync errors (2 sub-exceptions)
              +-+---------------- 1 ----------------
                | Traceback (most recent call last):
                |   File "sync.py", line 10, in pull
                |     fetch(url)
                | TimeoutError: upstream slow
                |
                | The above exception was the direct cause of the following exception:
                |
                | Traceback (most recent call last):
                |   File "sync.py", line 12, in pull
                |     raise SyncError(url) from exc
                | SyncError: https://example.com/a
                +---------------- 2 ----------------
                | KeyError: 'b'
                +------------------------------------
            done
            """);

        var e = Assert.Single(found);
        Assert.Equal((2L, 22L), (e.FirstLine, e.LastLine));
        Assert.Equal(("ExceptionGroup", "sync errors (2 sub-exceptions)"), (e.Type, e.Message));
        Assert.Equal(["<module>", "run_all"], e.Frames.Select(f => f.Function));
        Assert.Equal(2, e.Group.Count);

        var first = e.Group[0];
        Assert.Equal((9L, 19L), (first.FirstLine, first.LastLine));
        Assert.Equal("SyncError", first.Type);
        Assert.Equal("pull", Assert.Single(first.Frames).Function);
        var cause = Assert.Single(first.Causes);
        Assert.Equal(("TimeoutError", ExceptionRelation.Cause), (cause.Type, cause.Relation));

        var second = e.Group[1];
        Assert.Equal((21L, 21L), (second.FirstLine, second.LastLine));
        Assert.Equal(("KeyError", "'b'"), (second.Type, second.Message));
        Assert.Empty(second.Frames);
    }

    [Fact]
    public void NestedGroupsAndTheirSingleClosingLine()
    {
        var found = PythonTraceParserTests.Parse("""
              + Exception Group Traceback (most recent call last):
              |   File "jobs.py", line 3, in <module>
              | ExceptionGroup: outer (2 sub-exceptions)
              +-+---------------- 1 ----------------
                | OSError: one
                +---------------- 2 ----------------
                | Exception Group Traceback (most recent call last):
                |   File "jobs.py", line 2, in inner
                | ExceptionGroup: inner (2 sub-exceptions)
                +-+---------------- 1 ----------------
                  | ValueError: two
                  +---------------- 2 ----------------
                  | TypeError: three
                  +------------------------------------
            """);

        var e = Assert.Single(found);
        Assert.Equal((1L, 14L), (e.FirstLine, e.LastLine));
        Assert.Equal(["OSError", "ExceptionGroup"], e.Group.Select(g => g.Type));
        var inner = e.Group[1];
        Assert.Equal((7L, 14L), (inner.FirstLine, inner.LastLine));
        Assert.Equal("inner", Assert.Single(inner.Frames).Function);
        Assert.Equal(["ValueError", "TypeError"], inner.Group.Select(g => g.Type));
        Assert.Equal((13L, 13L), (inner.Group[1].FirstLine, inner.Group[1].LastLine));
    }

    [Fact]
    public void MembersBeyondTheWidthLimitAreNotInvented()
    {
        var found = PythonTraceParserTests.Parse("""
              + Exception Group Traceback (most recent call last):
              |   File "batch.py", line 8, in <module>
              | ExceptionGroup: many (20 sub-exceptions)
              +-+---------------- 1 ----------------
                | ValueError: 0
                +--------------- ... ---------------
                | and 19 more exceptions
                +------------------------------------
            """);

        var e = Assert.Single(found);
        Assert.Equal(8L, e.LastLine);
        Assert.Equal("0", Assert.Single(e.Group).Message);
    }

    [Fact]
    public void GroupCanBeTheContextOfAPlainException()
    {
        var found = PythonTraceParserTests.Parse("""
              + Exception Group Traceback (most recent call last):
              |   File "w.py", line 4, in main
              | ExceptionGroup: workers (1 sub-exception)
              +-+---------------- 1 ----------------
                | RuntimeError: worker 3
                +------------------------------------

            During handling of the above exception, another exception occurred:

            Traceback (most recent call last):
              File "w.py", line 9, in <module>
            SystemExit: 2
            """);

        var e = Assert.Single(found);
        Assert.Equal((1L, 12L), (e.FirstLine, e.LastLine));
        Assert.Equal("SystemExit", e.Type);
        var group = Assert.Single(e.Causes);
        Assert.Equal((ExceptionRelation.Context, "ExceptionGroup"), (group.Relation, group.Type));
        Assert.Equal("worker 3", Assert.Single(group.Group).Message);
    }
}
