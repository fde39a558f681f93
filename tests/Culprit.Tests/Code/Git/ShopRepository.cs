namespace Culprit.Tests.Code.Git;

/// <summary>
/// The repository most tests read: four commits in C#, Python, JavaScript and a binary file, with a rename, a
/// deletion and tags. Line numbers in <see cref="OrderService"/> are what the tests assert.
/// </summary>
public sealed class ShopRepository : IDisposable
{
    public const string ServicePath = "src/Orders/OrderService.cs";

    /// <summary>A (lines 5-9) calls B (11-16); C is 18-21.</summary>
    public const string OrderService = """
        namespace Shop.Orders;

        public sealed class OrderService
        {
            public decimal A(Order order)
            {
                var total = B(order);
                return total * 1.2m;
            }

            public decimal B(Order order)
            {
                var sum = 0m;
                foreach (var line in order.Lines) sum += line.Price;
                return sum;
            }

            public string C(Order order)
            {
                return order.Id.ToString();
            }
        }

        """;

    public const string Billing = "def charge(amount):\n    if amount <= 0:\n        raise ValueError(\"amount\")\n    return gateway.charge(amount)\n";

    public const string Cart = "export function total(items) {\n  return items.reduce((a, i) => a + i.price, 0);\n}\n";

    public ShopRepository()
    {
        Repo = new TempRepository();
        First = Repo.Commit(
            "Initial shop",
            (ServicePath, OrderService),
            ("app/billing.py", Billing),
            ("web/cart.js", Cart),
            ("README.md", "\uFEFFShop — read me\n"));
        Logo = Repo.WriteBytes("Add logo", "assets/logo.png", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0x02]);
        Repo.Tag("v1.0", Logo, annotated: true);

        Second = Repo.Commit(
            "Move billing to payments, drop the cart\n\nThe cart moves to its own service.",
            "Grace Hopper",
            ("app/billing.py", null),
            ("app/payments.py", Billing.Replace("gateway.charge(amount)", "gateway.charge(amount, retry=True)", StringComparison.Ordinal)),
            ("web/cart.js", null));
        Repo.Tag("v1.1", Second, annotated: false);

        Third = Repo.Commit(
            "Price times quantity; id format",
            (ServicePath, OrderService
                .Replace("sum += line.Price;", "sum += line.Price * line.Quantity;", StringComparison.Ordinal)
                .Replace("order.Id.ToString()", "order.Id.ToString(\"N\")", StringComparison.Ordinal)));
    }

    public TempRepository Repo { get; }

    public string First { get; }

    public string Logo { get; }

    public string Second { get; }

    public string Third { get; }

    public void Dispose() => Repo.Dispose();
}
