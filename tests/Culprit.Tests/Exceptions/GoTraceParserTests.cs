using Culprit.Exceptions;
using CsCheck;

namespace Culprit.Tests.Exceptions;

public sealed class GoTraceParserTests
{
    private static readonly GoTraceParser Parser = new();

    private static TraceMatch Parse(string text, int start = 0)
    {
        var lines = TraceLines.FromText(text, 1, allOnOneLine: false);
        Assert.True(Parser.TryParse(lines, start, out var match), "expected a panic");
        return match;
    }

    [Theory]
    [InlineData("main.main()", "main", "main")]
    [InlineData("net/http.(*conn).serve(0xc000132000, {0x9a5e10, 0xc0000a4000})", "net/http", "(*conn).serve")]
    [InlineData("github.com/acme/shop/internal/store.(*DB).Get(...)", "github.com/acme/shop/internal/store", "(*DB).Get")]
    [InlineData("github.com/acme/shop.Checkout.func1(0x0)", "github.com/acme/shop", "Checkout.func1")]
    [InlineData("gopkg.in/yaml%2ev2.Unmarshal({0xc0, 0x1, 0x1})", "gopkg.in/yaml%2ev2", "Unmarshal")]
    [InlineData("main.Map[...](0xc000010000)", "main", "Map[...]")]
    [InlineData("panic({0x4b9e20, 0xc000010000})", null, "panic")]
    public void FunctionLinesSplitIntoPackageAndFunction(string line, string? module, string function)
    {
        Assert.True(GoFrames.TryReadFunction(line, out var frame));
        Assert.Equal(module, frame.Module);
        Assert.Equal(function, frame.Function);
    }

    [Theory]
    [InlineData("exit status 2")]
    [InlineData("make: *** [Makefile:18: start] Error 2")]
    [InlineData("[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]")]
    [InlineData("something happened (see log)")]
    [InlineData("()")]
    public void OtherLinesAreNotFunctionLines(string line) => Assert.False(GoFrames.TryReadFunction(line, out _));

    [Theory]
    [InlineData("\t/srv/shop/main.go:25 +0x1d", "/srv/shop/main.go", 25)]
    [InlineData("      /usr/local/go/src/os/exec/exec.go:453 +0x26", "/usr/local/go/src/os/exec/exec.go", 453)]
    [InlineData("\tshop/stock.go:7", "shop/stock.go", 7)]
    [InlineData("\tC:/work/shop/main.go:9 +0x41 fp=0xc000 sp=0xc000 pc=0x1", "C:/work/shop/main.go", 9)]
    public void LocationLinesGiveFileAndLine(string line, string file, int lineNumber)
    {
        Assert.True(GoFrames.TryReadLocation(line, out var gotFile, out var gotLine));
        Assert.Equal(file, gotFile);
        Assert.Equal(lineNumber, gotLine);
    }

    [Fact]
    public void PanicWithTwoGoroutinesStopsBeforeExitStatus()
    {
        var match = Parse("""
            panic: runtime error: index out of range [3] with length 2
            [signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x47f1c2]

            goroutine 1 [running]:
            main.pick(...)
            	/srv/shop/main.go:12
            main.main()
            	/srv/shop/main.go:20 +0x1d

            goroutine 7 [chan receive, 2 minutes]:
            main.worker(0xc000012345)
            	/srv/shop/worker.go:30 +0x55
            created by main.main in goroutine 1
            	/srv/shop/main.go:18 +0x99
            exit status 2
            """);

        var e = match.Exception;
        Assert.Equal(13, match.LastIndex);
        Assert.Equal("panic", e.Type);
        Assert.Equal("runtime error: index out of range [3] with length 2", e.Message);
        Assert.Equal(2, e.Goroutines.Count);
        Assert.Equal(e.Goroutines[0].Frames, e.Frames);
        Assert.Equal(["pick", "main"], e.Frames.Select(f => f.Function));
        Assert.Equal(12, e.Frames[0].Line);
        Assert.Null(e.Goroutines[0].CreatedBy);
        Assert.Equal(7, e.Goroutines[1].Id);
        Assert.Equal("chan receive, 2 minutes", e.Goroutines[1].State);
        Assert.Single(e.Goroutines[1].Frames);
        Assert.Equal("main", e.Goroutines[1].CreatedBy!.Function);
        Assert.Equal(18, e.Goroutines[1].CreatedBy!.Line);
        Assert.False(e.Truncated);
    }

    [Fact]
    public void RecoveredPanicKeepsTheValueAndTheRepanicAsContinuation()
    {
        var match = Parse("""
            panic: out of stock [recovered]
            	panic: out of stock

            goroutine 5 [running]:
            testing.tRunner.func1.2({0x5e2c40, 0x6b8a10})
            	/usr/local/go/src/testing/testing.go:1545 +0x238
            """);

        Assert.Equal("out of stock", match.Exception.Message);
        Assert.Equal(["panic: out of stock"], match.Exception.MessageContinuation);
        Assert.Equal("testing", match.Exception.Frames[0].Module);
        Assert.Equal("tRunner.func1.2", match.Exception.Frames[0].Function);
    }

    [Fact]
    public void NetHttpPanicServingLineAfterALogPrefix()
    {
        var match = Parse("""
            2024/05/01 10:00:00 http: panic serving 10.0.0.7:51234: basket is nil
            goroutine 33 [running]:
            net/http.(*conn).serve.func1()
            	/usr/local/go/src/net/http/server.go:1868 +0xb9
            """);

        Assert.Equal("panic", match.Exception.Type);
        Assert.Equal("basket is nil", match.Exception.Message);
        Assert.Equal(3, match.LastIndex);
        Assert.Equal("net/http", match.Exception.Frames[0].Module);
    }

    [Fact]
    public void FatalErrorIsReadLikeAPanic()
    {
        var match = Parse("fatal error: concurrent map writes\n\ngoroutine 9 [running]:\nmain.save()\n\t/srv/shop/save.go:4 +0x10");
        Assert.Equal("fatal error", match.Exception.Type);
        Assert.Equal("concurrent map writes", match.Exception.Message);
    }

    [Fact]
    public void PanicLineWithoutGoroutinesIsNotATrace() =>
        Assert.False(Parser.TryParse(TraceLines.FromText("panic: nothing follows\nexit status 2", 1, false), 0, out _));

    [Fact]
    public void DumpEndingAfterAFunctionLineIsTruncated()
    {
        var match = Parse("panic: cut\n\ngoroutine 1 [running]:\nmain.main()");
        Assert.True(match.Exception.Truncated);
        Assert.Null(match.Exception.Frames[0].File);
        Assert.Equal(3, match.LastIndex);
    }

    [Fact]
    public void CutDumpsNeverThrow()
    {
        const string dump = "x http: panic serving [::1]:80: boom [recovered]\n\tpanic: again\n[signal SIGSEGV]\n\ngoroutine 2 [select]:\nmain.(*T).run(0x1)\n\t/a/b.go:3 +0x1\ncreated by main.start in goroutine 1\n\t/a/b.go:9 +0x2\n\ngoroutine 3 [running]:\n...additional frames elided...\n";
        for (var length = 0; length <= dump.Length; length++)
        {
            var lines = TraceLines.FromText(dump[..length], 1, allOnOneLine: false);
            for (var i = 0; i < lines.Count; i++)
                Parser.TryParse(lines, i, out _);
        }
    }

    [Fact]
    public void RandomLinesNeverThrow()
    {
        var line = Gen.OneOf(
            "panic: x", "panic: ", "fatal error: y", "http: panic serving a: b", "http: panic serving ", "goroutine 1 [running]:",
            "goroutine x [", "goroutine 1 []:", "main.f()", "\t/a.go:1 +0x1", "\t:", "\t/a.go:", "created by main.g", "created by ",
            "", "[signal 0xb]", "(", ")", "exit status 2");
        line.Array[0, 14].Sample(lines =>
        {
            var trace = new TraceLines(lines, 1);
            for (var i = 0; i < trace.Count; i++)
            {
                if (Parser.TryParse(trace, i, out var match))
                    Assert.InRange(match.LastIndex, i, trace.Count - 1);
            }
        });
    }
}
