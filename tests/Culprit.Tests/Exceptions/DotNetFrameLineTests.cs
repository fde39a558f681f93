using Culprit.Exceptions;

namespace Culprit.Tests.Exceptions;

public sealed class DotNetFrameLineTests
{
    public static TheoryData<string, string?, string, string?, int?> Frames() => new()
    {
        { "   at Shop.Orders.OrderService.Place(Order order, Int32 count) in /src/Shop/OrderService.cs:line 42", "Shop.Orders.OrderService", "Place", "/src/Shop/OrderService.cs", 42 },
        { "   at Shop.Orders.OrderService.Place(Order order) in D:\\build\\Shop\\OrderService.cs:line 7", "Shop.Orders.OrderService", "Place", "D:\\build\\Shop\\OrderService.cs", 7 },
        { "   at Shop.Orders.OrderService.Place(Order order) in OrderService.cs:line 9", "Shop.Orders.OrderService", "Place", "OrderService.cs", 9 },
        { "   at Shop.Orders.OrderService.Place()", "Shop.Orders.OrderService", "Place", null, null },
        { "\tat Shop.Orders.OrderService..ctor(ILogger logger)", "Shop.Orders.OrderService", ".ctor", null, null },
        { "   at Shop.Orders.OrderService..cctor()", "Shop.Orders.OrderService", ".cctor", null, null },
        { "   at lambda_method12(Closure , Object , Object[] )", null, "lambda_method12", null, null },
        { "   at Shop.Cache`2.Lookup[TKey](TKey& key, Func`1 factory)", "Shop.Cache`2", "Lookup[TKey]", null, null },
        { "   at Shop.Cache`2.Entry.Touch()", "Shop.Cache`2.Entry", "Touch", null, null },
        { "   at Shop.Worker.<RunAsync>d__7.MoveNext() in /src/Worker.cs:line 88", "Shop.Worker.<RunAsync>d__7", "MoveNext", "/src/Worker.cs", 88 },
        { "   at Shop.Worker.<>c.<.ctor>b__3_0(String s)", "Shop.Worker.<>c", "<.ctor>b__3_0", null, null },
        { "   at Shop.Worker.<Drain>g__Flush|4_0(<>c__DisplayClass4_0& )", "Shop.Worker", "<Drain>g__Flush|4_0", null, null },
        { "   at Shop.Worker.<>c__DisplayClass9_0.<<Start>b__0>d.MoveNext()", "Shop.Worker.<>c__DisplayClass9_0.<<Start>b__0>d", "MoveNext", null, null },
        { "   at Shop.Api.Handler.Shop.Api.IHandler.Handle(Request request)", "Shop.Api.Handler.Shop.Api.IHandler", "Handle", null, null },
        { "  at Shop.Table`1[System.Collections.Generic.List`1[System.Int32]].get_Item (System.String key) [0x00000] in <filename unknown>:0", "Shop.Table`1[System.Collections.Generic.List`1[System.Int32]]", "get_Item", null, null },
        { "  at Shop.Reader.Next (System.IO.Stream s, Int32& read) [0x0001f] in /home/dev/my project/Reader.cs:31", "Shop.Reader", "Next", "/home/dev/my project/Reader.cs", 31 },
        { "  at Shop.App+<Run>c__Iterator2.MoveNext () [0x00000] in <filename unknown>:0", "Shop.App+<Run>c__Iterator2", "MoveNext", null, null },
        { "  at Shop.App.Main (System.String[] args) <0x00057>", "Shop.App", "Main", null, null },
        { "  at (wrapper managed-to-native) System.Object.__icall_wrapper_alloc (intptr,intptr) <0x00012>", "System.Object", "__icall_wrapper_alloc", null, null },
        { "at Shop.App.Main(String[] args)", "Shop.App", "Main", null, null },
        { "   at Shop.App.Main(String[] args) in C:\\src\\App.cs:Zeile 12", "Shop.App", "Main", "C:\\src\\App.cs", 12 },
        { "   at Shop.App.Main(String[] args) + 0x2a", "Shop.App", "Main", null, null },
        { "   at Shop.Program.main@12.Invoke(Unit unitVar0) in /src/Program.fs:line 12", "Shop.Program.main@12", "Invoke", "/src/Program.fs", 12 },
        { "   at Shop.Program.<Main>$(String[] args) in /src/Program.cs:line 3", "Shop.Program", "<Main>$", "/src/Program.cs", 3 },
    };

    [Theory]
    [MemberData(nameof(Frames))]
    public void NetFrameLinesSplitIntoModuleFunctionFileAndLine(string line, string? module, string function, string? file, int? lineNumber)
    {
        Assert.True(DotNetFrameLine.TryParse(line, out var frame));
        Assert.Equal(module, frame!.Module);
        Assert.Equal(function, frame.Function);
        Assert.Equal(file, frame.File);
        Assert.Equal(lineNumber, frame.Line);
        Assert.Null(frame.Column);
        Assert.Equal(line, frame.Raw);
    }

    [Theory]
    [InlineData("\tat com.shop.OrderService.place(OrderService.java:42)")]
    [InlineData("\tat com.shop.OrderService.place(OrderService.java)")]
    [InlineData("\tat java.lang.Thread.sleep(Native Method)")]
    [InlineData("\tat com.shop.Generated.invoke(Unknown Source)")]
    [InlineData("\tat com.shop.Legacy.run(Compiled Code)")]
    [InlineData("\tat java.base/java.lang.Thread.run(Thread.java:833)")]
    [InlineData("\tat com.shop.OrderService.place(OrderService.java:42) ~[shop.jar:1.2.0]")]
    [InlineData("\tat com.shop.Main.main(Main.kt:7) [shop.jar:?]")]
    [InlineData("    at placeOrder (/srv/shop/orders.js:12:5)")]
    [InlineData("    at async placeOrder (/srv/shop/orders.js:12:5)")]
    [InlineData("    at new OrderService (/srv/shop/orders.js:3:11)")]
    [InlineData("    at Object.<anonymous> (C:\\shop\\index.js:1:1)")]
    [InlineData("    at Array.forEach (<anonymous>)")]
    [InlineData("    at JSON.parse (native)")]
    [InlineData("    at /srv/shop/orders.js:12:5")]
    [InlineData("    at node:internal/main/run_main_module:28:49")]
    [InlineData("             at src/main.rs:10:5")]
    [InlineData("   at Shop.App.Main(String[] args) and then some")]
    [InlineData("   at Shop.App.Main(String[] args")]
    [InlineData("   at Shop.App.Main String[] args)")]
    [InlineData("   at (String s)")]
    [InlineData("   at ")]
    [InlineData("at")]
    [InlineData("")]
    [InlineData("   --- End of inner exception stack trace ---")]
    [InlineData("System.InvalidOperationException: at Shop.App.Main()")]
    public void OtherLinesAreNotNetFrames(string line)
    {
        Assert.False(DotNetFrameLine.TryParse(line, out var frame));
        Assert.Null(frame);
    }

    [Theory]
    [InlineData("Program.Main", "Program", "Main")]
    [InlineData("Main", null, "Main")]
    [InlineData("Program..ctor", "Program", ".ctor")]
    [InlineData(".ctor", null, ".ctor")]
    [InlineData("Outer.Inner.", null, "Outer.Inner.")]
    [InlineData("A.<B>c__x.<C.D>b__0", "A.<B>c__x", "<C.D>b__0")]
    [InlineData("A.List`1[X.Y].Get", "A.List`1[X.Y]", "Get")]
    [InlineData("A.B>.C", "A.B>", "C")]
    public void NamesSplitAtTheLastDotOutsideBrackets(string name, string? module, string function)
    {
        var (m, f) = DotNetNames.Split(name);
        Assert.Equal(module, m);
        Assert.Equal(function, f);
    }
}
