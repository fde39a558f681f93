namespace Culprit.Tests.Code.Symbols;

public sealed class PythonSymbolTests
{
    private const string Source = """"
        """Module doc."""
        import os


        @app.route("/orders/{id}",
                   methods=["GET"])
        @login_required
        def get_order(order_id: int) -> dict:
            """Fetch one order.

            Braces { in docs } are text.
            """
            query = """
        SELECT { FROM orders
        """
            row = db.fetch_one(query, order_id)
            return serialize(row)  # call(ignored)


        class OrderService(Base):
            """Orders."""

            def __init__(self, repo):
                self.repo = make_repo(repo)

            class Cache:
                def get(self, key):
                    return self._store.get(key)

            async def total(self, order_id):
                def add(a, b):
                    return a + b
                items = await self.load(order_id)
                return reduce(add, items)

            def label(self): return format_label(self)
        """";

    [Fact]
    public void FunctionsClassesAndNestedDefsGetModuleQualifiedNamesAndLines()
    {
        var file = Symbols.Of("src/shop/orders.py", Source);
        Assert.Null(file.Note);
        Assert.Equal(
        [
            "function shop.orders.get_order 5-17",
            "class shop.orders.OrderService 20-36",
            "constructor shop.orders.OrderService.__init__ 23-24",
            "class shop.orders.OrderService.Cache 26-28",
            "method shop.orders.OrderService.Cache.get 27-28",
            "method shop.orders.OrderService.total 30-34",
            "local_function shop.orders.OrderService.total.add 31-32",
            "method shop.orders.OrderService.label 36-36",
        ], Symbols.Lines(file));
    }

    [Fact]
    public void DocstringsSignaturesParentsAndCalls()
    {
        var file = Symbols.Of("src/shop/orders.py", Source);
        var get = Symbols.Named(file, "shop.orders.get_order");
        Assert.Equal("Fetch one order.\nBraces { in docs } are text.", get.Doc);
        Assert.Equal("def get_order(order_id: int) -> dict", get.Signature);
        Assert.Equal(["fetch_one", "serialize"], get.Calls);
        Assert.Null(get.Parent);
        Assert.Equal("Orders.", Symbols.Named(file, "shop.orders.OrderService").Doc);
        Assert.Equal("make_repo", Symbols.Calls(file, "shop.orders.OrderService.__init__"));
        Assert.Equal("load,reduce", Symbols.Calls(file, "shop.orders.OrderService.total"));
        Assert.Equal("async def total(self, order_id)", Symbols.Named(file, "shop.orders.OrderService.total").Signature);
        Assert.Equal("shop.orders.OrderService.total", Symbols.Named(file, "shop.orders.OrderService.total.add").Parent);
        Assert.Equal("", Symbols.Calls(file, "shop.orders.OrderService.total.add"));
        Assert.Equal("format_label", Symbols.Calls(file, "shop.orders.OrderService.label"));
        Assert.Equal("shop.orders.OrderService.Cache", Symbols.Named(file, "shop.orders.OrderService.Cache.get").Parent);
    }

    [Theory]
    [InlineData("src/pkg/mod.py", "pkg.mod.f")]
    [InlineData("lib/pkg/mod.py", "pkg.mod.f")]
    [InlineData("pkg/__init__.py", "pkg.f")]
    [InlineData("app/src/mod.py", "app.src.mod.f")]
    [InlineData("__init__.py", "f")]
    public void ModuleComesFromThePath(string path, string qualified)
    {
        var file = Symbols.Of(path, "def f():\n    pass\n");
        Assert.Equal(qualified, Assert.Single(file.Symbols).QualifiedName);
    }
}
