using Culprit.Exceptions;
using Culprit.Model;

namespace Culprit.Tests.Exceptions;

public sealed class PythonTraceParserTests
{
    internal static List<ExceptionInfo> Parse(string text)
    {
        var found = new List<ExceptionInfo>();
        new ExceptionExtractor([new PythonTraceParser()], InAppRules.Default).Extract(TraceLines.FromText(text, 1, allOnOneLine: false), found);
        return found;
    }

    [Fact]
    public void PlainTracebackAfterALogPrefix()
    {
        var found = Parse("""
            2024-05-01 10:00:00,123 ERROR [worker] checkout failed Traceback (most recent call last):
              File "/srv/shop/checkout.py", line 88, in submit
                total = compute_total(cart)
              File "/srv/shop/pricing.py", line 12, in compute_total
                return sum(item.price for item in cart) / len(cart)
                       ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~^~~~~~~~~~
            ZeroDivisionError: division by zero
            2024-05-01 10:00:01,000 INFO next request
            """);

        var e = Assert.Single(found);
        Assert.Equal((1L, 7L), (e.FirstLine, e.LastLine));
        Assert.Equal("ZeroDivisionError", e.Type);
        Assert.Equal("division by zero", e.Message);
        Assert.Empty(e.MessageContinuation);
        Assert.Equal(["submit", "compute_total"], e.Frames.Select(f => f.Function));
        Assert.Equal([88, 12], e.Frames.Select(f => f.Line!.Value));
        Assert.All(e.Frames, f => Assert.Null(f.Module));
        Assert.Equal("/srv/shop/pricing.py", e.Frames[1].File);
        Assert.Contains("return sum(", e.Frames[1].Raw, StringComparison.Ordinal);
        Assert.False(e.Truncated);
        Assert.Same(e, e.Root);
    }

    [Fact]
    public void ChainPutsTheLastPrintedOnTopAndTheRootLast()
    {
        var found = Parse("""
            Traceback (most recent call last):
              File "app/db.py", line 5, in connect
                sock.connect(addr)
            ConnectionRefusedError: [Errno 111] Connection refused

            During handling of the above exception, another exception occurred:

            Traceback (most recent call last):
              File "app/db.py", line 9, in connect
                raise DatabaseDown(addr)
            app.db.DatabaseDown: 10.0.0.5:5432

            The above exception was the direct cause of the following exception:

            Traceback (most recent call last):
              File "app/main.py", line 30, in <module>
                run()
              File "app/main.py", line 22, in run
                raise RuntimeError("startup failed") from err
            RuntimeError: startup failed
            """);

        var e = Assert.Single(found);
        Assert.Equal((1L, 20L), (e.FirstLine, e.LastLine));
        Assert.Equal("RuntimeError", e.Type);
        Assert.Equal(ExceptionRelation.None, e.Relation);
        Assert.Equal(2, e.Frames.Count);
        Assert.Equal(["app.db.DatabaseDown", "ConnectionRefusedError"], e.Causes.Select(c => c.Type));
        Assert.Equal([ExceptionRelation.Cause, ExceptionRelation.Context], e.Causes.Select(c => c.Relation));
        Assert.Equal("[Errno 111] Connection refused", e.Root.Message);
        Assert.Equal("connect", Assert.Single(e.Root.Frames).Function);
    }

    [Fact]
    public void CauseWithoutTracebackIsABareFinalLine()
    {
        var found = Parse("""
            ValueError: quantity must be positive

            The above exception was the direct cause of the following exception:

            Traceback (most recent call last):
              File "cart.py", line 3, in add
            cart.InvalidItem: bad item
            """);

        var e = Assert.Single(found);
        Assert.Equal((1L, 7L), (e.FirstLine, e.LastLine));
        Assert.Equal("cart.InvalidItem", e.Type);
        var cause = Assert.Single(e.Causes);
        Assert.Equal(("ValueError", "quantity must be positive"), (cause.Type, cause.Message));
        Assert.Empty(cause.Frames);
    }

    [Fact]
    public void SyntaxErrorLocationIsNotAFrame()
    {
        var found = Parse("""
            Traceback (most recent call last):
              File "tools/run.py", line 4, in main
                exec(code)
              File "<string>", line 2
                x = (1,
                    ^
            SyntaxError: '(' was never closed
            """);

        var e = Assert.Single(found);
        Assert.Equal("SyntaxError", e.Type);
        Assert.Equal("main", Assert.Single(e.Frames).Function);
        Assert.Equal(new SourceLocation("<string>", 2), e.Location);
        Assert.Equal(7L, e.LastLine);
    }

    [Fact]
    public void SyntaxErrorWithoutTracebackStartsAtItsFileLine()
    {
        var found = Parse("""
            $ python broken.py
              File "/home/dev/broken.py", line 10
                def f(:
                      ^
            SyntaxError: invalid syntax
            """);

        var e = Assert.Single(found);
        Assert.Equal((2L, 5L), (e.FirstLine, e.LastLine));
        Assert.Empty(e.Frames);
        Assert.Equal(new SourceLocation("/home/dev/broken.py", 10), e.Location);
    }

    [Fact]
    public void RepeatedLinesAreCountedAsOmittedFrames()
    {
        var found = Parse("""
            Traceback (most recent call last):
              File "walk.py", line 9, in <module>
                walk(tree)
              File "walk.py", line 5, in walk
                walk(node.child)
              [Previous line repeated 995 more times]
              File "walk.py", line 4, in walk
                if node.leaf:
            RecursionError: maximum recursion depth exceeded
            """);

        var e = Assert.Single(found);
        Assert.Equal(995, e.FramesOmitted);
        Assert.Equal(3, e.Frames.Count);
    }

    [Fact]
    public void LoguruMarkersAnnotationsAndBlankLinesStayInsideTheTrace()
    {
        var found = Parse("""
            2024-05-01 10:00:00.000 | ERROR    | jobs:run:12 - job crashed
            Traceback (most recent call last, catch point marked):

              File "jobs.py", line 20, in <module>
                run(3)
                └ <function run at 0x7f00>

            > File "jobs.py", line 12, in run
                ratio(n, 0)
                │     └ 3
                └ <function ratio at 0x7f01>

              File "jobs.py", line 4, in ratio
                return a / b
                       │   └ 0
                       └ 3

            ZeroDivisionError: division by zero
            """);

        var e = Assert.Single(found);
        Assert.Equal((2L, 18L), (e.FirstLine, e.LastLine));
        Assert.Equal(["<module>", "run", "ratio"], e.Frames.Select(f => f.Function));
        Assert.Equal("division by zero", e.Message);
    }

    [Fact]
    public void TwoReportsInOneEntryAreTwoExceptions()
    {
        var report = """
            Traceback (most recent call last):
              File "a.py", line 1, in <module>
            KeyError: 'id'
            """;
        var found = Parse(report + "\n\n" + report);

        Assert.Equal(2, found.Count);
        Assert.Equal((1L, 3L), (found[0].FirstLine, found[0].LastLine));
        Assert.Equal((5L, 7L), (found[1].FirstLine, found[1].LastLine));
    }

    [Fact]
    public void Python2TracebackReads()
    {
        var found = Parse("""
            ERROR:root:Internal Server Error: /orders/
            Traceback (most recent call last):
              File "/usr/lib/python2.7/site-packages/web/app.py", line 120, in dispatch
                return handler(request)
              File "/srv/app/views.py", line 15, in orders
                print items[0]
            IndexError: list index out of range
            """);

        var e = Assert.Single(found);
        Assert.Equal((2L, 7L), (e.FirstLine, e.LastLine));
        Assert.Equal("IndexError", e.Type);
        Assert.False(e.Frames[0].InApp);
        Assert.True(e.Frames[1].InApp);
    }

    [Fact]
    public void TracebackWithoutHeaderStartsAtTheFirstFileLine()
    {
        var found = Parse("""
            worker stopped:
              File "/srv/app/queue.py", line 40, in consume
                msg = self.inbox.get(timeout=5)
            queue.Empty
            """);

        var e = Assert.Single(found);
        Assert.Equal((2L, 4L), (e.FirstLine, e.LastLine));
        Assert.Equal(("queue.Empty", ""), (e.Type, e.Message));
    }

    [Fact]
    public void MultiLineMessagesKeepTheirFurtherLines()
    {
        var found = Parse("""
            Traceback (most recent call last):
              File "repo.py", line 8, in save
                cur.execute(sql, row)
            psycopg2.errors.UniqueViolation: duplicate key value violates unique constraint "users_email_key"
            DETAIL:  Key (email)=(a@example.com) already exists.

            more output
            """);

        var e = Assert.Single(found);
        Assert.Equal(5L, e.LastLine);
        Assert.Equal("duplicate key value violates unique constraint \"users_email_key\"", e.Message);
        Assert.Equal(["DETAIL:  Key (email)=(a@example.com) already exists."], e.MessageContinuation);
    }

    [Fact]
    public void MessageStopsAtALogHeaderOrAtTheLineThatIntroducesTheNextTrace()
    {
        var found = Parse("""
            Traceback (most recent call last):
              File "a.py", line 1, in <module>
            ValueError: one
            Retrying after the error:
            Traceback (most recent call last):
              File "a.py", line 1, in <module>
            ValueError: two
            2024-05-01 10:00:00 INFO recovered
            """);

        Assert.Equal(2, found.Count);
        Assert.Equal(3L, found[0].LastLine);
        Assert.Empty(found[0].MessageContinuation);
        Assert.Equal((5L, 7L), (found[1].FirstLine, found[1].LastLine));
        Assert.Empty(found[1].MessageContinuation);
    }
}
