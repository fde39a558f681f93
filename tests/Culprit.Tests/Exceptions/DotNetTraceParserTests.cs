using Culprit.Exceptions;
using Culprit.Model;
using CsCheck;

namespace Culprit.Tests.Exceptions;

public sealed class DotNetTraceParserTests
{
    private static List<ExceptionInfo> Extract(string text, params ITraceParser[] parsers)
    {
        var extractor = new ExceptionExtractor(parsers.Length == 0 ? [new DotNetTraceParser()] : parsers, InAppRules.Default);
        var found = new List<ExceptionInfo>();
        extractor.Extract(TraceLines.FromText(text, 1, allOnOneLine: false), found);
        return found;
    }

    private static ExceptionInfo Single(string text) => Assert.Single(Extract(text));

    private static string[] Functions(ExceptionInfo e) => [.. e.Frames.Select(f => f.Function!)];

    [Fact]
    public void PlainTraceGivesTypeMessageAndFrames()
    {
        var e = Single("""
            System.ArgumentNullException: Value cannot be null. (Parameter 'sku')
               at Shop.Catalog.Find(String sku) in /src/Catalog.cs:line 14
               at Shop.Program.Main(String[] args) in /src/Program.cs:line 5
            """);

        Assert.Equal(Runtime.DotNet, e.Runtime);
        Assert.Equal("System.ArgumentNullException", e.Type);
        Assert.Equal("Value cannot be null. (Parameter 'sku')", e.Message);
        Assert.Equal(["Find", "Main"], Functions(e));
        Assert.Equal((1L, 3L), (e.FirstLine, e.LastLine));
        Assert.Empty(e.Causes);
        Assert.Empty(e.MessageContinuation);
    }

    [Fact]
    public void InnerExceptionOnFollowingLineTakesTheFirstFrameBlock()
    {
        var e = Single("""
            Shop.OrderException: Could not place order 17
             ---> System.IO.IOException: Disk full
               at Shop.Store.Write(Byte[] data) in /src/Store.cs:line 30
               at Shop.Store.Save(Order order) in /src/Store.cs:line 12
               --- End of inner exception stack trace ---
               at Shop.Store.Save(Order order) in /src/Store.cs:line 15
               at Shop.Api.Post(Order order) in /src/Api.cs:line 8
            """);

        Assert.Equal("Shop.OrderException", e.Type);
        Assert.Equal("Could not place order 17", e.Message);
        Assert.Equal(["Save", "Post"], Functions(e));
        var inner = Assert.Single(e.Causes);
        Assert.Equal(ExceptionRelation.Inner, inner.Relation);
        Assert.Equal("System.IO.IOException", inner.Type);
        Assert.Equal("Disk full", inner.Message);
        Assert.Equal(["Write", "Save"], Functions(inner));
        Assert.Equal(7L, e.LastLine);
    }

    [Fact]
    public void InlineArrowsGiveCausesOuterToInnerAndBlocksInnermostFirst()
    {
        var e = Single("""
            Shop.A: outer ---> Shop.B: middle ---> Shop.C: inner
               at Shop.X.Deep()
               --- End of inner exception stack trace ---
               at Shop.X.Middle()
               --- End of inner exception stack trace ---
               at Shop.X.Top()
            """);

        Assert.Equal(("Shop.A", "outer"), (e.Type, e.Message));
        Assert.Equal(["Top"], Functions(e));
        Assert.Equal(["Shop.B", "Shop.C"], e.Causes.Select(c => c.Type));
        Assert.Equal(["Middle"], Functions(e.Causes[0]));
        Assert.Equal(["Deep"], Functions(e.Causes[1]));
    }

    [Fact]
    public void ExceptionsWithoutABlockHaveNoFrames()
    {
        var e = Single("""
            Shop.A: outer
             ---> Shop.B: never thrown
               --- End of inner exception stack trace ---
               at Shop.X.Top()
            """);

        Assert.Equal(["Top"], Functions(e));
        Assert.Empty(Assert.Single(e.Causes).Frames);
    }

    [Fact]
    public void EndOfStackTraceFromPreviousLocationIsNeitherFrameNorBoundary()
    {
        var e = Single("""
            System.TimeoutException: The operation has timed out.
               at Shop.Client.<SendAsync>d__3.MoveNext()
            --- End of stack trace from previous location ---
               at Shop.Api.<GetAsync>d__1.MoveNext()
            --- End of stack trace from previous location where exception was thrown ---
               at Shop.Program.Main()
            """);

        Assert.Equal(["MoveNext", "MoveNext", "Main"], Functions(e));
        Assert.Empty(e.Causes);
        Assert.Equal(6L, e.LastLine);
    }

    [Fact]
    public void SqlExceptionTrailerLinesStayInsideTheTrace()
    {
        var e = Single("""
            Shop.RepositoryException: Saving order failed
             ---> Microsoft.Data.SqlClient.SqlException (0x80131904): Violation of PRIMARY KEY constraint 'PK_Orders'.
               at Microsoft.Data.SqlClient.SqlConnection.OnError(SqlException exception)
               at Shop.Repository.Insert(Order order)
            ClientConnectionId:00000000-0000-0000-0000-000000000000
            Error Number:2627,State:1,Class:14
               --- End of inner exception stack trace ---
               at Shop.Repository.Insert(Order order)
            ClientConnectionId:not part of a trace here
            """);

        Assert.Equal(["Insert"], Functions(e));
        Assert.Equal(["OnError", "Insert"], Functions(Assert.Single(e.Causes)));
        Assert.Equal("Microsoft.Data.SqlClient.SqlException", e.Causes[0].Type);
        Assert.Equal(9L, e.LastLine);
    }

    [Fact]
    public void LocalisedInnerSeparatorSplitsBlocksButOtherDashedLinesEndTheTrace()
    {
        var e = Single("""
            Shop.A.OuterException: außen ---> Shop.A.InnerException: innen
               at Shop.X.Deep()
               --- Ende der internen Ausnahmestapelüberwachung ---
               at Shop.X.Top()
            --- request finished ---
            """);

        Assert.Equal(["Top"], Functions(e));
        Assert.Equal(["Deep"], Functions(e.Causes[0]));
        Assert.Equal(4L, e.LastLine);
    }

    [Fact]
    public void MultiLineMessageGoesToMessageContinuation()
    {
        var e = Single("""
            Shop.ValidationException: Order is invalid:
            - quantity must be positive
            - sku is required
               at Shop.Validator.Check(Order order)
            """);

        Assert.Equal("Order is invalid:", e.Message);
        Assert.Equal(["- quantity must be positive", "- sku is required"], e.MessageContinuation);
        Assert.Equal(["Check"], Functions(e));
    }

    [Fact]
    public void MultiLineMessageBeforeAnInlineArrowStaysWithTheOuterException()
    {
        var e = Single("""
            Shop.OrderException: first line
            second line ---> Shop.StoreException: inner
               at Shop.X.Deep()
               --- End of inner exception stack trace ---
               at Shop.X.Top()
            """);

        Assert.Equal(["second line"], e.MessageContinuation);
        var inner = Assert.Single(e.Causes);
        Assert.Equal(("Shop.StoreException", "inner"), (inner.Type, inner.Message));
        Assert.Equal(["Deep"], Functions(inner));
    }

    [Theory]
    [InlineData("Unhandled exception. System.InvalidOperationException: boom", "System.InvalidOperationException", "boom")]
    [InlineData("Unhandled Exception: System.InvalidOperationException: boom", "System.InvalidOperationException", "boom")]
    [InlineData("System.ComponentModel.Win32Exception (0x80004005): The system cannot find the file specified", "System.ComponentModel.Win32Exception", "The system cannot find the file specified")]
    [InlineData("2024-05-01 10:00:00.123|ERROR|Shop.Worker|Batch failed System.IO.IOException: Disk full", "System.IO.IOException", "Disk full")]
    [InlineData("      System.InvalidOperationException: indented by the console logger", "System.InvalidOperationException", "indented by the console logger")]
    [InlineData("Unhandled exception. Shop.Boom: custom type without the suffix", "Shop.Boom", "custom type without the suffix")]
    [InlineData("System.OperationCanceledException", "System.OperationCanceledException", "")]
    [InlineData("System.ServiceModel.FaultException`1[Shop.Detail]: fault", "System.ServiceModel.FaultException`1[Shop.Detail]", "fault")]
    [InlineData("Npgsql.PostgresException (0x80004005): 23505: duplicate key", "Npgsql.PostgresException", "23505: duplicate key")]
    public void HeaderDecorationsAndPrefixesAreDropped(string header, string type, string message)
    {
        var e = Single(header + "\n   at Shop.Program.Main()\n");

        Assert.Equal((type, message), (e.Type, e.Message));
        Assert.Equal(1L, e.FirstLine);
    }

    [Fact]
    public void TypeWithoutExceptionSuffixNeedsAFrameOnTheNextLine()
    {
        Assert.Empty(Extract("Shop.Boom: first line\nsecond line\n   at Shop.A.Run()\n"));
        Assert.Equal("Shop.Boom", Single("Shop.Boom: only line\n   at Shop.A.Run()\n").Type);
    }

    [Fact]
    public void LogLinesBeforeTheHeaderAreNotPartOfTheException()
    {
        var e = Single("""
            fail: Shop.Api.Orders[0]
                  Request failed: An unhandled exception was thrown.
            System.NullReferenceException: Object reference not set to an instance of an object.
               at Shop.Api.Orders.Get(Int32 id)
            info: Shop.Api.Orders[1]
                  next request
            """);

        Assert.Equal("System.NullReferenceException", e.Type);
        Assert.Equal((3L, 4L), (e.FirstLine, e.LastLine));
    }

    [Fact]
    public void AggregateSiblingsBecomeInnerCausesOfTheTopException()
    {
        var e = Single("""
            System.AggregateException: One or more errors occurred. (first) (second)
             ---> System.Exception: first
               at Shop.Jobs.One()
               --- End of inner exception stack trace ---
               at Shop.Jobs.RunAll()
             ---> (Inner Exception #1) System.Exception: second
               at Shop.Jobs.Two()<---

            after the trace
            """);

        Assert.Equal(["RunAll"], Functions(e));
        Assert.Equal(2, e.Causes.Count);
        Assert.Equal(("first", ExceptionRelation.Inner), (e.Causes[0].Message, e.Causes[0].Relation));
        Assert.Equal(("second", ExceptionRelation.Inner), (e.Causes[1].Message, e.Causes[1].Relation));
        Assert.Equal(["Two"], Functions(e.Causes[1]));
        Assert.Equal(7L, e.LastLine);
    }

    [Fact]
    public void NestedFramelessSiblingDoesNotCloseItsParent()
    {
        var e = Single("""
            System.AggregateException: outer
               at Shop.Jobs.RunAll()
             ---> (Inner Exception #1) System.AggregateException: middle
               at Shop.Jobs.Batch()
             ---> (Inner Exception #1) System.Exception: leaf<---
            <---

            Application stopped.
            """);

        var middle = Assert.Single(e.Causes);
        Assert.Equal("middle", middle.Message);
        Assert.Equal(["Batch"], Functions(middle));
        var leaf = Assert.Single(middle.Causes);
        Assert.Equal(("System.Exception", "leaf"), (leaf.Type, leaf.Message));
        Assert.Empty(leaf.Frames);
        Assert.Equal(6L, e.LastLine);
    }

    [Fact]
    public void SiblingOnALineClosedByTheMarkerKeepsItsType()
    {
        var e = Single("System.AggregateException: outer\n   at Shop.Jobs.RunAll()\n ---> (Inner Exception #1) Shop.Jobs.JobException: only<---\n");

        Assert.Equal(("Shop.Jobs.JobException", "only"), (e.Causes[0].Type, e.Causes[0].Message));
        Assert.Equal(3L, e.LastLine);
    }

    [Fact]
    public void TraceEndsAtTheFirstLineThatIsNotPartOfIt()
    {
        var found = Extract("""
            System.Exception: one
               at Shop.A.Run()

            System.Exception: two
               at Shop.B.Run()
            Application stopped.
            """);

        Assert.Equal([(1L, 2L), (4L, 5L)], found.Select(e => (e.FirstLine, e.LastLine)));
    }

    [Fact]
    public void InAppRulesAreApplied()
    {
        var e = Single("System.Exception: x\n   at System.Linq.Enumerable.First()\n   at Shop.A.Run()\n");

        Assert.Equal([false, true], e.Frames.Select(f => f.InApp));
    }

    [Theory]
    [InlineData("java.lang.IllegalStateException: boom\n\tat com.shop.A.run(A.java:12)\n\tat java.lang.Thread.run(Thread.java:750)\n")]
    [InlineData("java.lang.IllegalStateException: boom\n\tat java.lang.Thread.sleep(Native Method)\n\tat com.shop.A.run(A.java:12)\n")]
    [InlineData("Exception in thread \"main\" java.lang.RuntimeException: boom\n\tat com.shop.Gen.invoke(Unknown Source)\n")]
    [InlineData("TypeError: x is not a function\n    at run (/srv/app.js:1:2)\n    at Object.<anonymous> (/srv/app.js:9:1)\n")]
    [InlineData("Error: Something.BadException: nested\n    at new Thing (/srv/app.js:1:2)\n")]
    [InlineData("fail: Shop.Api[0]\n      Request failed\n")]
    [InlineData("INFO: Shop.Worker started\nINFO: Shop.Worker stopped\n")]
    [InlineData("System.InvalidOperationException: mentioned in a message without frames\nnext line\n")]
    public void OtherRuntimesAndPlainLogLinesAreNotClaimed(string text) => Assert.Empty(Extract(text));

    [Fact]
    public void JavaTraceFallsThroughToTheJavaParserInTheBuiltInOrder()
    {
        var parsers = TraceParsers.All().ToArray();
        var found = Extract("java.lang.IllegalStateException: boom\n\tat com.shop.A.run(A.java:12)\n", parsers);

        Assert.DoesNotContain(found, e => e.Runtime == Runtime.DotNet);
    }

    [Theory]
    [InlineData("System.Exception: cut")]
    [InlineData("System.Exception: cut\n")]
    [InlineData("System.Exception: cut\n   at Shop.A.Run(String")]
    [InlineData("System.Exception: cut\n ---> ")]
    [InlineData("System.Exception: cut\n ---> (Inner Exception #1) ")]
    [InlineData("System.Exception: cut\n   --- End of inner exception stack trace ---")]
    [InlineData(" ---> (Inner Exception #1) System.Exception: x<---\n<---\n<---")]
    [InlineData("System.Exception (0x: odd\n   at Shop.A.Run()")]
    [InlineData("System.Exception`1[[: odd\n   at Shop.A.Run()")]
    [InlineData("Exception\n   at Shop.A.Run()")]
    [InlineData("<---\n   at Shop.A.Run()")]
    public void MalformedOrTruncatedInputDoesNotThrow(string text)
    {
        var found = Extract(text);

        Assert.All(found, e => Assert.True(e.LastLine >= e.FirstLine));
    }

    [Fact]
    public void TruncatedTraceKeepsTheFramesItHas()
    {
        var e = Single("System.Exception: cut\n   at Shop.A.Run()\n   at Shop.B.Run(Str");

        Assert.Equal(["Run"], Functions(e));
        Assert.Equal(2L, e.LastLine);
    }

    [Fact]
    public void DeeplyNestedSiblingsStopWithoutOverflowing()
    {
        var text = "System.AggregateException: x\n   at Shop.A.Run()\n"
            + string.Concat(Enumerable.Repeat(" ---> (Inner Exception #1) System.AggregateException: y\n   at Shop.A.Run()\n", 50));

        var e = Single(text);

        Assert.Equal("System.AggregateException", e.Type);
    }

    [Fact]
    public void RandomLinesNeverThrow()
    {
        var line = Gen.OneOf(
            Gen.String,
            Gen.Const("   at Shop.A.Run(String s) in /x.cs:line 1"),
            Gen.Const("  at Shop.A.Run (System.String s) [0x00000] in <filename unknown>:0"),
            Gen.Const(" ---> System.IO.IOException: io"),
            Gen.Const(" ---> (Inner Exception #1) System.Exception: s"),
            Gen.Const("   --- End of inner exception stack trace ---"),
            Gen.Const("<---"),
            Gen.Const("System.Exception: top"),
            Gen.Const("Shop.A: x ---> Shop.B: y"));

        line.Array[1, 12].Sample(lines =>
        {
            var found = Extract(string.Join('\n', lines));
            Assert.All(found, e => Assert.InRange(e.LastLine, e.FirstLine, lines.Length));
        });
    }
}
