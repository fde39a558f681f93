using Culprit.Exceptions;
using Culprit.Model;
using CsCheck;

namespace Culprit.Tests.Exceptions;

public sealed class JavaTraceParserTests
{
    private static List<ExceptionInfo> Parse(string text, long firstLine = 1, bool oneLine = false)
    {
        var found = new List<ExceptionInfo>();
        new ExceptionExtractor([new JavaTraceParser()], InAppRules.Default)
            .Extract(TraceLines.FromText(text, firstLine, oneLine), found);
        return found;
    }

    [Fact]
    public void HeaderFramesAndCausedByChain()
    {
        var text = """
            2024-05-01 10:00:00.123 ERROR 1 --- [main] c.a.Billing : invoice run failed
            com.acme.billing.BillingException: invoice 17 failed
            	at com.acme.billing.Billing.run(Billing.java:40)
            	at com.acme.Main.main(Main.java:8)
            Caused by: java.lang.IllegalStateException: no rate for EUR
            	at com.acme.billing.Rates.get(Rates.java:12)
            	... 2 more
            Caused by: java.util.NoSuchElementException
            	at java.base/java.util.HashMap.get(HashMap.java:556)
            	... 3 common frames omitted

            2024-05-01 10:00:01.000 INFO 1 --- [main] c.a.Main : done
            """;

        var e = Assert.Single(Parse(text));
        Assert.Equal(Runtime.Java, e.Runtime);
        Assert.Equal((2, 10), (e.FirstLine, e.LastLine));
        Assert.Equal("com.acme.billing.BillingException", e.Type);
        Assert.Equal("invoice 17 failed", e.Message);
        Assert.Equal(2, e.Frames.Count);
        Assert.Equal("com.acme.billing.Billing", e.Frames[0].Module);
        Assert.True(e.Frames[0].InApp);
        Assert.Equal(0, e.FramesOmitted);

        Assert.Equal(2, e.Causes.Count);
        Assert.All(e.Causes, c => Assert.Equal(ExceptionRelation.CausedBy, c.Relation));
        Assert.Equal(("java.lang.IllegalStateException", "no rate for EUR", 1, 2), (e.Causes[0].Type, e.Causes[0].Message, e.Causes[0].Frames.Count, e.Causes[0].FramesOmitted));
        Assert.Equal(("java.util.NoSuchElementException", "", 1, 3), (e.Causes[1].Type, e.Causes[1].Message, e.Causes[1].Frames.Count, e.Causes[1].FramesOmitted));
        Assert.False(e.Causes[1].Frames[0].InApp);
    }

    [Fact]
    public void SuppressedBlocksAttachToTheExceptionTheyInterrupt()
    {
        var text = """
            Exception in thread "worker-1" java.lang.RuntimeException: copy failed
            	at com.acme.Copier.copy(Copier.java:20)
            	Suppressed: java.io.IOException: close failed
            		at com.acme.Stream.close(Stream.java:9)
            		Suppressed: java.io.IOException: flush failed
            			at com.acme.Stream.flush(Stream.java:5)
            	Caused by: java.io.EOFException: disk gone
            		at com.acme.Disk.sync(Disk.java:3)
            		... 2 more
            	Suppressed: java.lang.IllegalStateException: lock held
            		at com.acme.Lock.release(Lock.java:4)
            Caused by: java.io.FileNotFoundException: /data/in.bin
            	at com.acme.Copier.open(Copier.java:11)
            	... 1 more
            	Suppressed: java.lang.Exception: cleanup
            		at com.acme.Copier.cleanup(Copier.java:30)
            """;

        var e = Assert.Single(Parse(text));
        Assert.Equal((1, 16), (e.FirstLine, e.LastLine));
        Assert.Equal("java.lang.RuntimeException", e.Type);
        Assert.Null(e.Thread);
        Assert.Single(e.Frames);

        Assert.Equal(2, e.Suppressed.Count);
        var close = e.Suppressed[0];
        Assert.Equal((ExceptionRelation.Suppressed, "close failed"), (close.Relation, close.Message));
        Assert.Single(close.Frames);
        Assert.Equal("flush failed", Assert.Single(close.Suppressed).Message);
        var eof = Assert.Single(close.Causes);
        Assert.Equal((ExceptionRelation.CausedBy, "java.io.EOFException", 1, 2), (eof.Relation, eof.Type, eof.Frames.Count, eof.FramesOmitted));
        Assert.Equal("lock held", e.Suppressed[1].Message);
        Assert.Empty(e.Suppressed[1].Causes);

        var cause = Assert.Single(e.Causes);
        Assert.Equal("java.io.FileNotFoundException", cause.Type);
        Assert.Single(cause.Frames);
        Assert.Equal(1, cause.FramesOmitted);
        Assert.Equal("cleanup", Assert.Single(cause.Suppressed).Message);
    }

    [Fact]
    public void MessageLinesUpToTheFirstFrameBelongToTheMessage()
    {
        var text = """
            com.acme.mail.MailException: delivery failed;
              nested exception is:
            com.acme.mail.RelayException: 550 relay denied

            	at com.acme.mail.Sender.send(Sender.java:77)
            Caused by: com.acme.mail.RelayException: 550 relay denied
            """;

        var e = Assert.Single(Parse(text));
        Assert.Equal((1, 6), (e.FirstLine, e.LastLine));
        Assert.Equal("delivery failed;", e.Message);
        Assert.Equal(["  nested exception is:", "com.acme.mail.RelayException: 550 relay denied"], e.MessageContinuation);
        Assert.Single(e.Frames);
        var cause = Assert.Single(e.Causes);
        Assert.Empty(cause.Frames);
        Assert.Equal("550 relay denied", cause.Message);
    }

    [Fact]
    public void ACauseMayHaveMessageLinesToo()
    {
        var text = """
            org.springframework.dao.DataIntegrityViolationException: could not execute statement
            	at com.acme.repo.Orders.save(Orders.java:15)
            Caused by: org.postgresql.util.PSQLException: ERROR: duplicate key value violates unique constraint "orders_pkey"
              Detail: Key (id)=(42) already exists.
            	at org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2713)
            	... 1 more
            """;

        var e = Assert.Single(Parse(text));
        Assert.Equal(6, e.LastLine);
        var cause = Assert.Single(e.Causes);
        Assert.Equal("ERROR: duplicate key value violates unique constraint \"orders_pkey\"", cause.Message);
        Assert.Equal(["  Detail: Key (id)=(42) already exists."], cause.MessageContinuation);
        Assert.Single(cause.Frames);
        Assert.Equal(1, cause.FramesOmitted);
    }

    [Theory]
    [InlineData("May 02, 2024 9:15:00 AM com.acme.tools.Sync: TimeoutException: no answer in 30s", "TimeoutException", "no answer in 30s")]
    [InlineData("com.acme.tools.Sync: TimeoutException: no answer in 30s", "TimeoutException", "no answer in 30s")]
    [InlineData("Exception in thread \"main\" kotlin.UninitializedPropertyAccessException: lateinit property repo", "kotlin.UninitializedPropertyAccessException", "lateinit property repo")]
    [InlineData("2024-05-01 10:00:00 [pool-2] ERROR Jobs - java.lang.ArithmeticException: / by zero", "java.lang.ArithmeticException", "/ by zero")]
    [InlineData("java.lang.NullPointerException", "java.lang.NullPointerException", "")]
    [InlineData("    java.lang.NullPointerException: ", "java.lang.NullPointerException", "")]
    [InlineData("com.acme.Halt", "com.acme.Halt", "")]
    [InlineData("java.lang.IllegalArgumentException:  two spaces kept ", "java.lang.IllegalArgumentException", " two spaces kept")]
    public void HeaderMaySitAfterAPrefixWhenFramesFollow(string header, string type, string message)
    {
        var e = Assert.Single(Parse(header + "\n\tat com.acme.Jobs.run(Jobs.java:3)\n"));
        Assert.Equal(type, e.Type);
        Assert.Equal(message, e.Message);
        Assert.Single(e.Frames);
    }

    [Theory]
    [InlineData("2024-05-01 10:00:00 WARN c.a.Retry - retrying after java.net.SocketTimeoutException: read timed out")]
    [InlineData("2024-05-01 10:00:00 INFO c.a.Lob - createClob() threw error : java.lang.reflect.InvocationTargetException")]
    [InlineData("RuntimeException: not qualified, no frames")]
    [InlineData("Error: boom")]
    [InlineData("com.acme.Config: loaded 12 keys")]
    [InlineData("System.InvalidOperationException: .NET style namespace")]
    [InlineData("panic: runtime error: index out of range")]
    [InlineData("ValueError: invalid literal")]
    public void AMentionWithoutFramesIsNotAnException(string line)
    {
        Assert.Empty(Parse(line + "\n"));
        Assert.Empty(Parse(line + "\n\nsome other text\n"));
    }

    [Fact]
    public void AnExceptionsToStringAloneIsOne()
    {
        var e = Assert.Single(Parse("java.util.concurrent.TimeoutException: gave up after 3 tries\n", firstLine: 40));
        Assert.Equal((40, 40), (e.FirstLine, e.LastLine));
        Assert.Equal("java.util.concurrent.TimeoutException", e.Type);
        Assert.Equal("gave up after 3 tries", e.Message);
        Assert.Empty(e.Frames);
    }

    [Fact]
    public void SeveralTracesInOneEntry()
    {
        var text = """
            --- com.acme.ParserTest::readsNumbers
            java.lang.NumberFormatException: For input string: "x1"
            	at java.lang.Integer.parseInt(Integer.java:652)
            	at com.acme.Parser.read(Parser.java:21)
            --- com.acme.ParserTest::readsDates
            java.time.format.DateTimeParseException: Text '2024-13-01' could not be parsed
            	at com.acme.Parser.date(Parser.java:30)
            java.lang.IllegalStateException: closed twice
            java.lang.AssertionError: expected 3
            	at org.junit.Assert.fail(Assert.java:89)
            """;

        var found = Parse(text);
        Assert.Equal(
            ["java.lang.NumberFormatException@2-4", "java.time.format.DateTimeParseException@6-7", "java.lang.IllegalStateException@8-8", "java.lang.AssertionError@9-10"],
            found.Select(e => $"{e.Type}@{e.FirstLine}-{e.LastLine}"));
        Assert.Equal("For input string: \"x1\"", found[0].Message);
    }

    [Fact]
    public void DecodedJsonTraceMapsEveryLineToTheRecordsLine()
    {
        var e = Assert.Single(Parse("java.io.IOException: broken pipe\n\tat com.acme.Out.write(Out.java:5)\n\t... 7 more", firstLine: 12, oneLine: true));
        Assert.Equal((12, 12), (e.FirstLine, e.LastLine));
        Assert.Equal(7, e.FramesOmitted);
    }

    [Fact]
    public void BlankLinesEndTheTraceUnlessMoreTraceFollows()
    {
        var text = "java.lang.IllegalStateException: x\n\tat com.acme.A.a(A.java:1)\n\n\tat com.acme.B.b(B.java:2)\n\n\nnext message\n";
        var e = Assert.Single(Parse(text));
        Assert.Equal((1, 4), (e.FirstLine, e.LastLine));
        Assert.Equal(2, e.Frames.Count);
    }

    [Theory]
    [InlineData("System.InvalidOperationException: Sequence contains no elements\n   at System.Linq.ThrowHelper.ThrowNoElementsException()\n   at Acme.Orders.Service.First(IEnumerable`1 items) in /src/Service.cs:line 12\n")]
    [InlineData("System.ArgumentNullException: Value cannot be null. (Parameter 'key')\n   at Acme.Cache.Get(String key) in C:\\src\\Cache.cs:line 8\n")]
    [InlineData("TypeError: Cannot read properties of undefined (reading 'id')\n    at getUser (/app/src/users.js:14:22)\n    at async Promise.all (index 0)\n")]
    [InlineData("Error: connect ECONNREFUSED 127.0.0.1:5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)\n")]
    [InlineData("com.acme.FooError: in a JavaScript namespace\n    at run (/app/foo.js:1:2)\n")]
    public void FramesOfOtherRuntimesAreNotJava(string text) => Assert.Empty(Parse(text));

    [Fact]
    public void AFrameCutByTheEndOfTheTextMarksTheTraceTruncated()
    {
        var e = Assert.Single(Parse("java.lang.OutOfMemoryError: Java heap space\n\tat com.acme.Cache.grow(Cache.java:44)\n\tat com.acme.Cache.put(Cach"));
        Assert.True(e.Truncated);
        Assert.Equal(3, e.LastLine);
        Assert.Equal("put", e.Frames[^1].Function);
        Assert.Null(e.Frames[^1].File);
    }

    [Fact]
    public void ArbitraryLinesNeverThrowAndMatchesStayInRange()
    {
        string[] pieces =
        [
            "", " ", "\t", "java.lang.IllegalStateException: x", "Caused by: java.io.IOException", "Caused by: ",
            "\tSuppressed: a.B", "\t\tSuppressed: ", "\tat com.a.B.c(B.java:1)", "\tat com.a.B.c(", "\tat ", "at x.y(z)",
            "\t... 3 more", "... ", "Exception in thread \"", "Exception in thread \"t\" ", "x.YError:", "a.b.CException: m",
            "2024-01-01 00:00:00 ERROR x - y: java.lang.Error", "   at A.B() in x.cs:line 1", "    at f (a.js:1:2)", "[CIRCULAR REFERENCE: x]",
        ];
        Gen.Int[0, pieces.Length - 1].Array[0, 25].Sample(picks =>
        {
            var text = string.Join('\n', picks.Select(p => pieces[p]));
            var lines = TraceLines.FromText(text, 1, allOnOneLine: false);
            var parser = new JavaTraceParser();
            for (var i = 0; i < lines.Count; i++)
            {
                if (parser.TryParse(lines, i, out var match))
                    Assert.InRange(match.LastIndex, i, lines.Count - 1);
            }
        });
    }
}
