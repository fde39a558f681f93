using Culprit.Code;
using Culprit.Code.Mapping;
using Culprit.Model;

namespace Culprit.Tests.Code.Mapping;

public sealed class FrameResolverTests
{
    private static readonly string[] Paths =
    [
        "src/main/java/com/shop/orders/OrderService.java",
        "src/main/java/com/shop/billing/OrderService.java",
        "src/orders/service.py",
        "tests/orders/service.py",
        "web/src/checkout/cart.ts",
        "services/Shop.Api/Orders/OrderController.cs",
        "internal/pay/charge.go",
        "lib/shop/cart.rb",
        "app/Http/CartController.php",
        "src/util/helpers.js",
        "pkg/util/helpers.js",
    ];

    private static CodeSymbol Symbol(string kind, string name, string qualified, int start, int end) =>
        new() { Kind = kind, Name = name, QualifiedName = qualified, StartLine = start, EndLine = end };

    private static FrameResolver Resolver(params CodeMapping[] mappings)
    {
        var symbols = new SymbolTable(
        [
            new FileSymbols("src/main/java/com/shop/orders/OrderService.java", CodeLanguages.Java,
            [
                Symbol(SymbolKinds.Class, "OrderService", "com.shop.orders.OrderService", 5, 80),
                Symbol(SymbolKinds.Method, "total", "com.shop.orders.OrderService.total", 20, 41),
                Symbol(SymbolKinds.Constructor, "<init>", "com.shop.orders.OrderService.<init>", 10, 14),
            ]),
            new FileSymbols("src/orders/service.py", CodeLanguages.Python,
            [
                Symbol(SymbolKinds.Class, "Orders", "orders.service.Orders", 3, 60),
                Symbol(SymbolKinds.Method, "place", "orders.service.Orders.place", 10, 30),
                Symbol(SymbolKinds.LocalFunction, "check", "orders.service.Orders.place.check", 12, 16),
            ]),
            new FileSymbols("services/Shop.Api/Orders/OrderController.cs", CodeLanguages.CSharp,
            [
                Symbol(SymbolKinds.Method, "PlaceAsync", "Shop.Api.Orders.OrderController.PlaceAsync", 30, 52),
            ]),
        ]);
        return new FrameResolver(new RepoPathIndex(Paths, mappings), symbols);
    }

    [Fact]
    public void AJavaFrameResolvesByPackagePathAndFileNameToTheEnclosingMethod()
    {
        var frame = new Frame { Module = "com.shop.orders.OrderService", Function = "total", File = "OrderService.java", Line = 33 };
        var r = Resolver().Resolve(frame, Runtime.Java);
        Assert.Equal("src/main/java/com/shop/orders/OrderService.java", r.RepoPath);
        Assert.Equal("com.shop.orders.OrderService.total", r.Symbol?.QualifiedName);
        Assert.Equal("package", r.Method);
    }

    [Fact]
    public void AJavaInnerClassFrameUsesItsOuterClassFileAndAFrameWithoutFileGuessesIt()
    {
        var inner = new Frame { Module = "com.shop.billing.OrderService$Line", Function = "add", File = "OrderService.java", Line = 3 };
        Assert.Equal("src/main/java/com/shop/billing/OrderService.java", Resolver().Resolve(inner, Runtime.Java).RepoPath);
        var unknown = new Frame { Module = "com.shop.orders.OrderService", Function = "<init>", File = "Unknown Source" };
        var r = Resolver().Resolve(unknown, Runtime.Java);
        Assert.Equal("src/main/java/com/shop/orders/OrderService.java", r.RepoPath);
        Assert.Equal("com.shop.orders.OrderService.<init>", r.Symbol?.QualifiedName);
    }

    [Fact]
    public void APythonFrameResolvesByTheLongestUniqueSuffixToTheInnermostFunction()
    {
        var frame = new Frame { Function = "check", File = "/srv/app/src/orders/service.py", Line = 14 };
        var r = Resolver().Resolve(frame, Runtime.Python);
        Assert.Equal("src/orders/service.py", r.RepoPath);
        Assert.Equal("orders.service.Orders.place.check", r.Symbol?.QualifiedName);
        Assert.Equal("suffix", r.Method);
    }

    [Fact]
    public void ATieBetweenEquallyLongSuffixesIsReportedAsAmbiguousAndAMappingSettlesIt()
    {
        var frame = new Frame { Function = "place", File = "/opt/orders/service.py", Line = 12 };
        var r = Resolver().Resolve(frame, Runtime.Python);
        Assert.Null(r.RepoPath);
        Assert.Equal("ambiguous: 2 files end with 'orders/service.py'; add a code mapping", r.Note);

        var mapped = Resolver(new CodeMapping("/opt/", "src/")).Resolve(frame, Runtime.Python);
        Assert.Equal("src/orders/service.py", mapped.RepoPath);
        Assert.Equal("mapping", mapped.Method);
    }

    [Fact]
    public void CodeMappingsReplaceTheDeployedPrefixAndTheLongestPrefixWins()
    {
        var frame = new Frame { Function = "helper", File = "/home/runner/work/shop/shop/src/util/helpers.js", Line = 3 };
        var resolver = Resolver(new CodeMapping("/home/", "nowhere/"), new CodeMapping("/home/runner/work/shop/shop/", ""));
        var r = resolver.Resolve(frame, Runtime.Node);
        Assert.Equal("src/util/helpers.js", r.RepoPath);
        Assert.Equal("mapping", r.Method);
    }

    [Fact]
    public void NodeAndBrowserLocationsLoseTheirSchemeHostAndQuery()
    {
        var resolver = Resolver();
        Assert.Equal("web/src/checkout/cart.ts", resolver.Resolve(new Frame { File = "webpack:///./src/checkout/cart.ts", Line = 5 }, Runtime.Node).RepoPath);
        Assert.Equal("web/src/checkout/cart.ts", resolver.Resolve(new Frame { File = "https://cdn.shop.example/static/checkout/cart.ts?v=3", Line = 5 }, Runtime.Node).RepoPath);
        Assert.Equal("src/util/helpers.js", resolver.Resolve(new Frame { File = "file:///app/src/util/helpers.js", Line = 5 }, Runtime.Node).RepoPath);
    }

    [Fact]
    public void GoRubyAndPhpFramesResolveBySuffix()
    {
        var resolver = Resolver();
        Assert.Equal("internal/pay/charge.go", resolver.Resolve(new Frame { Module = "github.com/shop/svc/internal/pay", Function = "Charge", File = "/build/internal/pay/charge.go", Line = 9 }, Runtime.Go).RepoPath);
        Assert.Equal("lib/shop/cart.rb", resolver.Resolve(new Frame { Function = "add", File = "/usr/src/app/lib/shop/cart.rb", Line = 9 }, Runtime.Ruby).RepoPath);
        Assert.Equal("app/Http/CartController.php", resolver.Resolve(new Frame { Function = "store", File = "/var/www/html/app/Http/CartController.php", Line = 9 }, Runtime.Php).RepoPath);
    }

    [Fact]
    public void ADotNetFrameWithoutAFileResolvesThroughItsStateMachineNameInTheSymbolIndex()
    {
        var frame = new Frame { Module = "Shop.Api.Orders.OrderController+<PlaceAsync>d__4", Function = "MoveNext" };
        var r = Resolver().Resolve(frame, Runtime.DotNet);
        Assert.Equal("services/Shop.Api/Orders/OrderController.cs", r.RepoPath);
        Assert.Equal("Shop.Api.Orders.OrderController.PlaceAsync", r.Symbol?.QualifiedName);
        Assert.Equal("symbol", r.Method);
    }

    [Fact]
    public void UnresolvedFramesSayWhy()
    {
        var resolver = Resolver();
        Assert.Equal("no file named 'missing.py' in the repository", resolver.Resolve(new Frame { File = "/app/missing.py", Line = 1 }, Runtime.Python).Note);
        Assert.Equal("the frame names no file", resolver.Resolve(new Frame { Function = "x" }, Runtime.Node).Note);
        Assert.Equal("'<frozen importlib._bootstrap>' is not a source file", resolver.Resolve(new Frame { File = "<frozen importlib._bootstrap>", Line = 241 }, Runtime.Python).Note);
        Assert.Equal("no file in frame and no method 'Shop.Api.Missing.Run' in the index", resolver.Resolve(new Frame { Module = "Shop.Api.Missing", Function = "Run" }, Runtime.DotNet).Note);
    }

    [Fact]
    public void ALineOutsideEveryFunctionOrAFileWithoutSymbolsGetsALineWindow()
    {
        var resolver = Resolver();
        var noSymbols = resolver.Resolve(new Frame { File = "/app/lib/shop/cart.rb", Line = 4 }, Runtime.Ruby);
        Assert.Equal("lib/shop/cart.rb", noSymbols.RepoPath);
        Assert.Null(noSymbols.Symbol);
        Assert.Equal((1, 14), noSymbols.Window);
        Assert.Equal("no symbols known for this file", noSymbols.Note);

        var outside = resolver.Resolve(new Frame { File = "/x/src/orders/service.py", Line = 70 }, Runtime.Python);
        Assert.Equal((60, 80), outside.Window);
        Assert.Equal("line 70 is outside every function", outside.Note);
    }

    [Theory]
    [InlineData("Shop.Orders+<PlaceAsync>d__5", "MoveNext", "Shop.Orders", "PlaceAsync")]
    [InlineData("Shop.Orders+<>c__DisplayClass3_0", "<Run>b__0", "Shop.Orders", "Run")]
    [InlineData("Shop.Orders", "<Run>g__Validate|3_0", "Shop.Orders", "Validate")]
    [InlineData("Shop.Outer+Inner", "Method", "Shop.Outer.Inner", "Method")]
    [InlineData("Shop.Repo`1", "Find", "Shop.Repo", "Find")]
    public void DotNetCompilerGeneratedNamesMapBackToTheDeclaredMethod(string module, string function, string type, string method) =>
        Assert.Equal((type, method), FrameResolver.DotNetNames(module, function));
}
