using Culprit.Exceptions;
using Culprit.Model;
using CsCheck;

namespace Culprit.Tests.Exceptions;

public sealed class NodeTraceParserTests
{
    private static readonly NodeTraceParser Parser = new();

    private static TraceMatch Parse(string text, int start = 0)
    {
        var lines = TraceLines.FromText(text, 1, allOnOneLine: false);
        Assert.True(Parser.TryParse(lines, start, out var match), "expected a trace");
        return match;
    }

    private static bool Finds(string text, int start = 0) =>
        Parser.TryParse(TraceLines.FromText(text, 1, allOnOneLine: false), start, out _);

    [Theory]
    [InlineData("    at loadUser (/srv/shop/users.js:10:5)", "loadUser", "/srv/shop/users.js", 10, 5)]
    [InlineData("    at /srv/shop/index.js:3:7", null, "/srv/shop/index.js", 3, 7)]
    [InlineData("    at async Server.handle [as onRequest] (file:///srv/shop/server.mjs:41:12)", "Server.handle", "file:///srv/shop/server.mjs", 41, 12)]
    [InlineData("    at new Basket (C:\\work\\shop\\basket.js:4:1)", "Basket", "C:\\work\\shop\\basket.js", 4, 1)]
    [InlineData("    at Array.map (<anonymous>)", "Array.map", "<anonymous>", null, null)]
    [InlineData("    at JSON.parse (native)", "JSON.parse", "native", null, null)]
    [InlineData("    at <anonymous>", null, "<anonymous>", null, null)]
    [InlineData("    at async Promise.all (index 2)", "Promise.all", "index 2", null, null)]
    [InlineData("    at node:internal/timers:581:17", null, "node:internal/timers", 581, 17)]
    [InlineData("    at Object.<anonymous> (/srv/shop/boot.js:1:1)", "Object.<anonymous>", "/srv/shop/boot.js", 1, 1)]
    [InlineData("    at x.y.(anonymous function) [as go] (http://cdn.test/app.js:2:300)", "x.y.(anonymous function)", "http://cdn.test/app.js", 2, 300)]
    public void V8FrameLinesAreRead(string line, string? function, string file, int? lineNumber, int? column)
    {
        Assert.True(V8Frame.TryParse(line, allowBareName: false, out var frame, out var opensBlock));
        Assert.False(opensBlock);
        Assert.Equal(function, frame.Function);
        Assert.Null(frame.Module);
        Assert.Equal(file, frame.File);
        Assert.Equal(lineNumber, frame.Line);
        Assert.Equal(column, frame.Column);
    }

    [Theory]
    [InlineData("\tat com.acme.shop.Basket.total(Basket.java:12)")]
    [InlineData("   at Acme.Shop.Basket.Total() in /src/Basket.cs:line 12")]
    [InlineData("  at Acme.Shop.Basket.Total (System.String id) [0x00001] in /src/Basket.cs:12")]
    [InlineData("  at (wrapper managed-to-native) Acme.Shop.Native.Call (intptr)")]
    [InlineData("at least one item is required")]
    [InlineData("    at loadUser (/srv/shop/users.js:10)")]
    [InlineData("at ")]
    [InlineData("    at 12:30:45")]
    public void ForeignOrProseAtLinesAreNotV8Frames(string line) =>
        Assert.False(V8Frame.TryParse(line, allowBareName: false, out _, out _));

    [Fact]
    public void BareFunctionNameIsAFrameOnlyAfterTheFirst()
    {
        Assert.False(V8Frame.TryParse("    at processImmediate", allowBareName: false, out _, out _));
        Assert.True(V8Frame.TryParse("    at processImmediate", allowBareName: true, out var frame, out _));
        Assert.Equal("processImmediate", frame.Function);
        Assert.Null(frame.File);
    }

    [Theory]
    [InlineData("render@https://shop.test/js/app.js:12:34", "render", "https://shop.test/js/app.js", 12, 34)]
    [InlineData("@https://shop.test/js/app.js:1:2", null, "https://shop.test/js/app.js", 1, 2)]
    [InlineData("global code@https://shop.test/index.html:20:9", "global code", "https://shop.test/index.html", 20, 9)]
    [InlineData("load/<@webpack:///./node_modules/@shop/ui/index.js:7:3", "load/<", "webpack:///./node_modules/@shop/ui/index.js", 7, 3)]
    [InlineData("old@http://shop.test/a.js:40", "old", "http://shop.test/a.js", 40, null)]
    public void BrowserFrameLinesAreRead(string line, string? function, string file, int lineNumber, int? column)
    {
        Assert.True(BrowserFrame.TryParse(line, allowBareLocation: false, out var frame));
        Assert.Equal(function, frame.Function);
        Assert.Equal(file, frame.File);
        Assert.Equal(lineNumber, frame.Line);
        Assert.Equal(column, frame.Column);
    }

    [Theory]
    [InlineData("mail sent to ops@shop.test today")]
    [InlineData("root@host:/srv/shop# node index.js")]
    [InlineData("@app.route(\"/basket\")")]
    public void ProseWithAtSignIsNotABrowserFrame(string line) =>
        Assert.False(BrowserFrame.TryParse(line, allowBareLocation: false, out _));

    [Fact]
    public void HeaderAndFramesMakeOneError()
    {
        var match = Parse("""
            TypeError: basket.items is not iterable
                at total (/srv/shop/basket.js:14:20)
                at /srv/shop/routes.js:8:3
            next line of the log
            """);

        Assert.Equal(0, match.FirstIndex);
        Assert.Equal(2, match.LastIndex);
        Assert.Equal("TypeError", match.Exception.Type);
        Assert.Equal("basket.items is not iterable", match.Exception.Message);
        Assert.Equal(2, match.Exception.Frames.Count);
        Assert.Equal("total", match.Exception.Frames[0].Function);
        Assert.Null(match.Exception.Frames[1].Function);
    }

    [Theory]
    [InlineData("2024-03-01T10:00:00Z ERROR worker failed: RangeError: index out of range", "RangeError", "index out of range")]
    [InlineData("(node:4242) UnhandledPromiseRejectionWarning: SyntaxError: Unexpected token } in JSON", "SyntaxError", "Unexpected token } in JSON")]
    [InlineData("Uncaught Error: boom: twice", "Error", "boom: twice")]
    [InlineData("Error", "Error", "")]
    [InlineData("TypeError [ERR_INVALID_ARG_TYPE]: The \"path\" argument must be of type string", "TypeError [ERR_INVALID_ARG_TYPE]", "The \"path\" argument must be of type string")]
    [InlineData("ShopFailure: no stock", "ShopFailure", "no stock")]
    public void HeaderIsFoundAfterAnyPrefix(string header, string type, string message)
    {
        var match = Parse(header + "\n    at sell (/srv/shop/stock.js:3:9)");
        Assert.Equal(type, match.Exception.Type);
        Assert.Equal(message, match.Exception.Message);
        Assert.Single(match.Exception.Frames);
    }

    [Fact]
    public void HeaderWithoutFramesIsNotAnError()
    {
        Assert.False(Finds("Error: connection reset\nretrying in 5s"));
        Assert.False(Finds("Error: connection reset"));
        Assert.False(Finds("Note: shop closed\n    at 9pm"));
    }

    [Fact]
    public void JavaAndDotNetTracesAreLeftAlone()
    {
        Assert.False(Finds("java.lang.IllegalStateException: closed\n\tat com.acme.Shop.sell(Shop.java:10)"));
        Assert.False(Finds("System.InvalidOperationException: closed\n   at Acme.Shop.Sell() in /src/Shop.cs:line 10"));
    }

    [Fact]
    public void MultiLineMessageContinuesUntilTheFirstFrame()
    {
        var match = Parse("""
            AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:

            3 !== 4

                at Context.<anonymous> (/srv/shop/test/basket.test.js:9:12)
            """);

        Assert.Equal("AssertionError [ERR_ASSERTION]", match.Exception.Type);
        Assert.Equal("Expected values to be strictly equal:", match.Exception.Message);
        Assert.Equal(["", "3 !== 4", ""], match.Exception.MessageContinuation);
        Assert.Single(match.Exception.Frames);
        Assert.Equal(4, match.LastIndex);
    }

    [Fact]
    public void PropertiesBlockWithNestedCausesEndsAtItsClosingBrace()
    {
        var match = Parse("""
            Error: checkout failed
                at checkout (/srv/shop/checkout.js:20:11)
                ... 2 lines matching cause stack trace ...
                at main (/srv/shop/main.js:3:1) {
              code: 'E_CHECKOUT',
              details: { step: 'pay' },
              [cause]: Error: payment declined
                  at pay (/srv/shop/pay.js:5:9)
                  at checkout (/srv/shop/checkout.js:18:5) {
                [cause]: TypeError: card is undefined
                    at charge (/srv/shop/card.js:2:3)
              }
            }
            Node.js v22.0.0
            """);

        var e = match.Exception;
        Assert.Equal(12, match.LastIndex);
        Assert.Equal(2, e.Frames.Count);
        Assert.Equal(2, e.FramesOmitted);
        Assert.Equal(2, e.Causes.Count);
        Assert.All(e.Causes, c => Assert.Equal(ExceptionRelation.Cause, c.Relation));
        Assert.Equal("payment declined", e.Causes[0].Message);
        Assert.Equal(2, e.Causes[0].Frames.Count);
        Assert.Equal("TypeError", e.Causes[1].Type);
        Assert.Equal("charge", e.Causes[1].Frames[0].Function);
        Assert.False(e.Truncated);
    }

    [Fact]
    public void CauseWithoutFramesDoesNotReachPastItsBlock()
    {
        var match = Parse("""
            Error: outer
                at run (/srv/shop/run.js:1:1) {
              [cause]: Error: inner
            }
            Error: next
                at other (/srv/shop/other.js:2:2)
            """);

        Assert.Equal(3, match.LastIndex);
        Assert.Equal("inner", Assert.Single(match.Exception.Causes).Message);
        Assert.Empty(match.Exception.Causes[0].Frames);
    }

    [Fact]
    public void BracketFormWithPropertiesHasNoFrames()
    {
        var match = Parse("""
            [Error: ENOENT: no such file or directory, open '/srv/shop/stock.json'] {
              errno: -2,
              code: 'ENOENT',
              path: '/srv/shop/stock.json'
            }
            """);

        Assert.Equal("Error", match.Exception.Type);
        Assert.Equal("ENOENT: no such file or directory, open '/srv/shop/stock.json'", match.Exception.Message);
        Assert.Empty(match.Exception.Frames);
        Assert.Equal(4, match.LastIndex);
    }

    [Theory]
    [InlineData("Starting service [Tomcat]")]
    [InlineData("[Shop] started on port 80")]
    [InlineData("[Warning: disk is almost full]")]
    public void BracketedWordsInLogTextAreNotErrors(string line) => Assert.False(Finds(line));

    [Fact]
    public void OldInspectFormKeepsItsProperties()
    {
        var match = Parse("""
            { Error: connect ECONNREFUSED 10.0.0.5:5432
                at TCPConnectWrap.afterConnect [as oncomplete] (net.js:1107:14)
              errno: 'ECONNREFUSED',
              port: 5432 }
            done
            """);

        Assert.Equal("Error", match.Exception.Type);
        Assert.Equal("connect ECONNREFUSED 10.0.0.5:5432", match.Exception.Message);
        Assert.Equal("TCPConnectWrap.afterConnect", match.Exception.Frames[0].Function);
        Assert.Equal(3, match.LastIndex);
    }

    [Fact]
    public void UnclosedPropertiesBlockIsTruncated()
    {
        var match = Parse("Error: cut\n    at a (/srv/a.js:1:2) {\n  code: 'X',");
        Assert.True(match.Exception.Truncated);
        Assert.Equal(2, match.LastIndex);
    }

    [Fact]
    public void FirefoxStackWithoutHeaderHasNullTypeAndMessage()
    {
        var match = Parse("render@https://shop.test/app.js:10:5\ninit@https://shop.test/app.js:2:1\n@https://shop.test/app.js:30:1\nthe end");
        Assert.Null(match.Exception.Type);
        Assert.Null(match.Exception.Message);
        Assert.Equal(3, match.Exception.Frames.Count);
        Assert.Null(match.Exception.Frames[2].Function);
        Assert.Equal(2, match.LastIndex);
    }

    [Fact]
    public void SafariStackKeepsNativeCodeAsALocation()
    {
        var match = Parse("TypeError: undefined is not an object\nbuy@https://shop.test/app.js:3:4\n[native code]\nglobal code@https://shop.test/:5:1");
        Assert.Equal("TypeError", match.Exception.Type);
        Assert.Equal(3, match.Exception.Frames.Count);
        Assert.Equal("[native code]", match.Exception.Frames[1].File);
        Assert.Null(match.Exception.Frames[1].Function);
    }

    [Fact]
    public void OneBrowserFrameAloneIsNotAStack() =>
        Assert.False(Finds("render@https://shop.test/app.js:10:5\nplain text"));

    [Fact]
    public void CutTracesNeverThrow()
    {
        const string trace = """
            (node:1) UnhandledPromiseRejectionWarning: Error: deep
                at a (/srv/a.js:1:2)
                ... 3 lines matching cause stack trace ...
                at b [as c] (/srv/b.js:3:4) {
              [cause]: [Error: inner] {
                code: 'E'
              },
              [cause]: RangeError: x
                  at c (/srv/c.js:5:6)
            }
            """;
        for (var length = 0; length <= trace.Length; length++)
        {
            var lines = TraceLines.FromText(trace[..length], 1, allOnOneLine: false);
            for (var i = 0; i < lines.Count; i++)
                Parser.TryParse(lines, i, out _);
        }
    }

    [Fact]
    public void RandomLinesNeverThrow()
    {
        var line = Gen.OneOf(
            "Error: x", "Error", "    at f (a.js:1:2) {", "    at f (a.js:1:2)", "    at", "at (", "at f ()", "}", "  }", "{",
            "  [cause]: Error: y", "  [cause]: [Error: z] {", "  [cause]: ", "[Error: q] {", "[Error: q", "f@a.js:1:2", "@", "a@",
            "... 2 lines matching cause stack trace ...", "{ Error: old", "  code: 'x' }", "", "   ", "TypeError [E", "[");
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
