namespace Culprit.Tests.Code.Symbols;

public sealed class JavaSymbolTests
{
    private const string Source = """
        package com.acme.orders;

        import java.util.List;

        /** Order operations. */
        public class OrderService {
            private final Repo repo;

            /**
             * Builds the {@link OrderService}.
             * @param repo the store
             */
            public OrderService(Repo repo) {
                this.repo = Objects.requireNonNull(repo);
            }

            @Override
            @Transactional(readOnly = true)
            public Order find(long id) {
                String s = "}{";  // }
                char c = '{';
                return repo.findById(id).orElseThrow(() -> new NotFound("order " + id));
            }

            static class Inner {
                void run() { helper(); }
            }

            interface Listener { void on(Order o); }
        }
        """;

    [Fact]
    public void PackageQualifiedClassesMethodsAndConstructors()
    {
        var file = Symbols.Of("src/main/java/com/acme/orders/OrderService.java", Source);
        Assert.Null(file.Note);
        Assert.Equal(
        [
            "class com.acme.orders.OrderService 6-30",
            "constructor com.acme.orders.OrderService.<init> 13-15",
            "method com.acme.orders.OrderService.find 17-23",
            "class com.acme.orders.OrderService.Inner 25-27",
            "method com.acme.orders.OrderService.Inner.run 26-26",
            "interface com.acme.orders.OrderService.Listener 29-29",
        ], Symbols.Lines(file));
        var ctor = Symbols.Named(file, "com.acme.orders.OrderService.<init>");
        Assert.Equal("Builds the OrderService.", ctor.Doc);
        Assert.Equal("public OrderService(Repo repo)", ctor.Signature);
        Assert.Equal("requireNonNull", string.Join(",", ctor.Calls));
        var find = Symbols.Named(file, "com.acme.orders.OrderService.find");
        Assert.Equal(["findById", "orElseThrow", "NotFound"], find.Calls);
        Assert.Equal("public Order find(long id)", find.Signature);
        Assert.Equal("com.acme.orders.OrderService", find.Parent);
        Assert.Equal("Order operations.", Symbols.Named(file, "com.acme.orders.OrderService").Doc);
        Assert.Equal("helper", Symbols.Calls(file, "com.acme.orders.OrderService.Inner.run"));
    }
}
