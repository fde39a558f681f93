namespace Culprit.Tests.Code.Symbols;

public sealed class CSharpSymbolTests
{
    private const string BlockNamespace = """
        using System;

        namespace Acme.Orders
        {
            /// <summary>Keeps the <see cref="Order"/> list.</summary>
            /// <remarks>Not thread safe.</remarks>
            public sealed class OrderService<T>
            {
                private readonly Func<int, int> _double = x => Twice(x);

                static OrderService() { Init(); }

                public OrderService(IRepo repo)
                {
                    _repo = repo;
                }

                /// <summary>
                /// Totals an order.
                /// </summary>
                /// <param name="id">The order.</param>
                [Obsolete]
                public async Task<decimal> TotalAsync(int id, CancellationToken ct = default)
                {
                    var order = await _repo.FindAsync(id, ct);
                    Log(nameof(id));
                    return Sum(order) + Local(2);

                    int Local(int n)
                    {
                        return Helper.Scale(n) + Inner();
                        int Inner() => Math.Max(1, 2);
                    }
                }

                public int Count => _items.Count();

                public int Auto { get; set; }

                public string this[int i]
                {
                    get { return Lookup(i); }
                }

                public class Nested { public void Go() => new Worker().Run(); }
            }

            public record Point(int X, int Y);
            public interface IRepo { Task<Order> FindAsync(int id, CancellationToken ct); }
            public enum Color { Red, Green }
            public struct Pair { }
        }
        """;

    [Fact]
    public void BlockNamespaceTypesAndMembersGetLinesAndQualifiedNames()
    {
        var file = Symbols.Of("src/Orders/OrderService.cs", BlockNamespace);
        Assert.Null(file.Note);
        Assert.Equal(
        [
            "class Acme.Orders.OrderService 7-46",
            "lambda Acme.Orders.OrderService._double 9-9",
            "constructor Acme.Orders.OrderService..cctor 11-11",
            "constructor Acme.Orders.OrderService..ctor 13-16",
            "method Acme.Orders.OrderService.TotalAsync 22-34",
            "local_function Acme.Orders.OrderService.TotalAsync.Local 29-33",
            "local_function Acme.Orders.OrderService.TotalAsync.Local.Inner 32-32",
            "property Acme.Orders.OrderService.Count 36-36",
            "property Acme.Orders.OrderService.Item 40-43",
            "class Acme.Orders.OrderService.Nested 45-45",
            "method Acme.Orders.OrderService.Nested.Go 45-45",
            "record Acme.Orders.Point 48-48",
            "interface Acme.Orders.IRepo 49-49",
            "enum Acme.Orders.Color 50-50",
            "struct Acme.Orders.Pair 51-51",
        ], Symbols.Lines(file));
    }

    [Fact]
    public void MembersCarrySignatureDocParentAndCalls()
    {
        var file = Symbols.Of("OrderService.cs", BlockNamespace);
        var total = Symbols.Named(file, "Acme.Orders.OrderService.TotalAsync");
        Assert.Equal("Task<decimal> TotalAsync(int id, CancellationToken ct = default)", total.Signature);
        Assert.Equal("Totals an order.", total.Doc);
        Assert.Equal("Acme.Orders.OrderService", total.Parent);
        Assert.Equal(["FindAsync", "Log", "Sum", "Local"], total.Calls);
        Assert.Equal("Scale,Inner", Symbols.Calls(file, "Acme.Orders.OrderService.TotalAsync.Local"));
        Assert.Equal("Acme.Orders.OrderService.TotalAsync", Symbols.Named(file, "Acme.Orders.OrderService.TotalAsync.Local").Parent);
        Assert.Equal("Max", Symbols.Calls(file, "Acme.Orders.OrderService.TotalAsync.Local.Inner"));
        Assert.Equal("Keeps the Order list.", Symbols.Named(file, "Acme.Orders.OrderService").Doc);
        Assert.Equal("Twice", Symbols.Calls(file, "Acme.Orders.OrderService._double"));
        Assert.Equal("Func<int, int> _double", Symbols.Named(file, "Acme.Orders.OrderService._double").Signature);
        Assert.Equal("Init", Symbols.Calls(file, "Acme.Orders.OrderService..cctor"));
        Assert.Equal("OrderService(IRepo repo)", Symbols.Named(file, "Acme.Orders.OrderService..ctor").Signature);
        Assert.Equal("Count", Symbols.Calls(file, "Acme.Orders.OrderService.Count"));
        Assert.Equal("string this[int i]", Symbols.Named(file, "Acme.Orders.OrderService.Item").Signature);
        Assert.Equal("Worker,Run", Symbols.Calls(file, "Acme.Orders.OrderService.Nested.Go"));
        Assert.Equal(".ctor", Symbols.Named(file, "Acme.Orders.OrderService..ctor").Name);
    }

    [Fact]
    public void FileScopedNamespaceQualifiesEverything()
    {
        var file = Symbols.Of("A.cs", """
            namespace Acme.Billing;

            internal static class Invoices
            {
                public static void Send(Invoice invoice) => Mailer.Deliver(invoice);
            }
            """);
        Assert.Equal(["class Acme.Billing.Invoices 3-6", "method Acme.Billing.Invoices.Send 5-5"], Symbols.Lines(file));
        Assert.Equal("void Send(Invoice invoice)", Symbols.Named(file, "Acme.Billing.Invoices.Send").Signature);
        Assert.Equal("Deliver", Symbols.Calls(file, "Acme.Billing.Invoices.Send"));
    }

    [Fact]
    public void BrokenCSharpKeepsWhatParsedAndSaysSo()
    {
        var file = Symbols.Of("Broken.cs", """
            namespace N;
            public class A
            {
                public void Ok() { Call(); }
                public void Broken( {
            """);
        Assert.NotNull(file.Note);
        Assert.StartsWith("syntax errors (first at line 5", file.Note, StringComparison.Ordinal);
        Assert.Contains("method N.A.Ok 4-4", Symbols.Lines(file));
    }
}
