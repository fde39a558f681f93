using Culprit.Grouping;
using Culprit.Model;

namespace Culprit.Tests.Grouping;

public sealed class FingerprinterV1Tests
{
    private static readonly FingerprinterV1 Fingerprinter = new();

    private static ExceptionInfo Exception(string type, string message, params (string Module, string Function, int Line, bool InApp)[] frames)
    {
        var e = new ExceptionInfo { Runtime = Runtime.Java, Type = type, Message = message };
        foreach (var (module, function, line, inApp) in frames)
            e.Frames.Add(new Frame { Module = module, Function = function, Line = line, InApp = inApp });
        return e;
    }

    private static LogEntry Entry(string message = "failed", LogLevel level = LogLevel.Error) => new() { Message = message, Level = level };

    [Fact]
    public void LineNumbersAndMessagesDoNotSplitAGroup()
    {
        var a = Exception("java.lang.NullPointerException", "user 12 missing", ("com.shop.Tax", "rate", 42, true), ("org.spring.X", "y", 1, false));
        var b = Exception("java.lang.NullPointerException", "user 99 missing", ("com.shop.Tax", "rate", 57, true), ("org.spring.X", "y", 9, false));
        Assert.Equal(Fingerprinter.Compute(Entry(), a).Hash, Fingerprinter.Compute(Entry(), b).Hash);
        Assert.Equal("frames", Fingerprinter.Compute(Entry(), a).Basis);
    }

    [Fact]
    public void ADifferentInAppFunctionOrTypeMakesADifferentGroup()
    {
        var a = Exception("java.lang.NullPointerException", "", ("com.shop.Tax", "rate", 42, true));
        var b = Exception("java.lang.NullPointerException", "", ("com.shop.Tax", "total", 42, true));
        var c = Exception("java.lang.IllegalStateException", "", ("com.shop.Tax", "rate", 42, true));
        var hashes = new[] { a, b, c }.Select(e => Fingerprinter.Compute(Entry(), e).Hash).ToHashSet();
        Assert.Equal(3, hashes.Count);
    }

    [Fact]
    public void TheRootCauseTypeAndFramesDecide()
    {
        var outer = Exception("org.springframework.dao.DataAccessException", "x", ("com.shop.Repo", "save", 1, true));
        var root = Exception("java.sql.SQLException", "timeout", ("com.shop.Pool", "get", 2, true));
        root.Relation = ExceptionRelation.CausedBy;
        outer.Causes.Add(root);
        var fingerprint = Fingerprinter.Compute(Entry(), outer);
        Assert.Equal("java.sql.SQLException", fingerprint.Components[0]);
        Assert.Equal("com.shop.Pool|get", fingerprint.Components[1]);
    }

    [Theory]
    [InlineData("<InvokeAsync>d__18.MoveNext", "InvokeAsync")]
    [InlineData("lambda$main$0", "main.lambda")]
    [InlineData("<Main>b__0_0", "Main.lambda")]
    [InlineData("<Run>g__Local|0_0", "Run.Local")]
    [InlineData("$anonfun$run$1", "run.anonfun")]
    [InlineData("(*conn).serve.func1", "(*conn).serve.func")]
    [InlineData("access$000", "access$n")]
    [InlineData("plain", "plain")]
    public void GeneratedNamesAreNormalised(string function, string expected) =>
        Assert.Equal(expected, FunctionNames.NormalizeFunction(function));

    [Fact]
    public void AsyncStateMachineModulesCollapseToTheirType() =>
        Assert.Equal("Shop.Api.Orders", FunctionNames.NormalizeModule("Shop.Api.Orders+<Place>d__4"));

    [Fact]
    public void WithoutInAppFramesAllFramesAreUsed()
    {
        var e = Exception("System.TimeoutException", "", ("System.Net.Http.X", "Send", 1, false));
        Assert.Equal("all-frames", Fingerprinter.Compute(Entry(), e).Basis);
    }

    [Fact]
    public void WithoutFramesTheNormalisedMessageIsUsed()
    {
        var a = Exception("System.TimeoutException", "call to 10.0.0.1:443 timed out after 3000 ms");
        var b = Exception("System.TimeoutException", "call to 10.0.0.7:443 timed out after 2990 ms");
        Assert.Equal("message", Fingerprinter.Compute(Entry(), a).Basis);
        Assert.Equal(Fingerprinter.Compute(Entry(), a).Hash, Fingerprinter.Compute(Entry(), b).Hash);
    }

    [Fact]
    public void ErrorLinesWithoutExceptionsGroupByNormalisedMessage()
    {
        var a = Fingerprinter.Compute(Entry("Payment provider timeout after 5879 ms for charge ch_16099950d8"), null);
        var b = Fingerprinter.Compute(Entry("Payment provider timeout after 6001 ms for charge ch_a8812fe001"), null);
        var c = Fingerprinter.Compute(Entry("Payment provider refused charge ch_a8812fe001"), null);
        Assert.Equal(a.Hash, b.Hash);
        Assert.NotEqual(a.Hash, c.Hash);
        Assert.Equal("log-message", a.Basis);
    }

    [Fact]
    public void RecursionCollapsesSoDepthDoesNotSplitGroups()
    {
        var shallow = Exception("RecursionError", "", ("m", "walk", 1, true), ("m", "walk", 1, true), ("m", "main", 2, true));
        var deep = Exception("RecursionError", "", ("m", "walk", 1, true), ("m", "walk", 1, true), ("m", "walk", 1, true), ("m", "walk", 1, true), ("m", "main", 2, true));
        Assert.Equal(Fingerprinter.Compute(Entry(), shallow).Hash, Fingerprinter.Compute(Entry(), deep).Hash);
    }
}
