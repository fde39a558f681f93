using Culprit.Storage;
using Culprit.Storage.Sqlite;
using Culprit.Tests.Code.Git;

namespace Culprit.Tests.Code.Index;

/// <summary>
/// A temp repository of three commits in C#, Python, TypeScript and Java (with a vendored and a generated file),
/// and a migrated SQLite store in a temp data folder. Commit 2 changes the Python file; commit 3 renames the Java
/// file, deletes the TypeScript file and adds a C# file.
/// </summary>
public sealed class IndexedRepository : IDisposable
{
    public const string OrderService = """
        namespace Shop.Orders;

        public sealed class OrderService
        {
            public decimal Total(Order order)
            {
                return order.Lines.Sum(l => l.Price * l.Quantity);
            }

            public void Cancel(Order order)
            {
                order.Status = "cancelled";
            }
        }
        """;

    public const string InvoiceV1 = """
        def invoice_total(lines):
            return sum(line.price for line in lines)


        def apply_tax(total, rate):
            return total * (1 + rate)
        """;

    public const string InvoiceV2 = InvoiceV1 + """



        def discount(total, percent):
            return total - total * percent / 100
        """;

    public const string Cart = """
        export function cartTotal(items: Item[]): number {
          return items.reduce((sum, item) => sum + item.price, 0);
        }
        """;

    public const string Strings = """
        package lib;

        public class Strings {
            public static String pad(String text, int width) {
                return String.format("%-" + width + "s", text);
            }
        }
        """;

    public const string Refunds = """
        namespace Shop.Orders;

        public sealed class Refunds
        {
            public decimal Refund(Order order, decimal amount)
            {
                return order.Paid - amount;
            }
        }
        """;

    public IndexedRepository()
    {
        C1 = Repo.Commit(
            "first",
            ("src/Orders/OrderService.cs", OrderService),
            ("app/billing/invoice.py", InvoiceV1),
            ("web/cart.ts", Cart),
            ("lib/util/Strings.java", Strings),
            ("README.md", "# shop\n"),
            ("node_modules/left-pad/index.js", "module.exports = function leftPad(s) { return s; };\n"),
            ("web/bundle.min.js", "function a(){return 1}\n"));
        C2 = Repo.Commit("discounts", ("app/billing/invoice.py", InvoiceV2));
        Repo.Move("move strings", "lib/util/Strings.java", "lib/text/Strings.java");
        C3 = Repo.Commit("refunds, no cart", ("web/cart.ts", null), ("src/Orders/Refunds.cs", Refunds));
        Data = Directory.CreateTempSubdirectory("culprit-index-").FullName;
    }

    public TempRepository Repo { get; } = new();

    public string C1 { get; }

    public string C2 { get; }

    public string C3 { get; }

    public string Data { get; }

    public string DatabasePath => Path.Combine(Data, "incidents.db");

    /// <summary>The code index store of <see cref="Data"/>, migrated.</summary>
    public async Task<ICodeIndexStore> OpenStoreAsync()
    {
        await using (var incidents = new SqliteIncidentStore(DatabasePath))
            await incidents.MigrateAsync();
        return new SqliteCodeIndexStore(DatabasePath);
    }

    public void Dispose()
    {
        Repo.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Data, recursive: true);
    }
}
