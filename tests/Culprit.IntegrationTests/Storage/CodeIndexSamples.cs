using Culprit.Code;
using Culprit.Code.Index;

namespace Culprit.IntegrationTests.Storage;

/// <summary>Files to index: a small C# class with nesting, a file without symbols, and generated bulk files.</summary>
internal static class Samples
{
    private const string OrdersText = """
        namespace Shop;

        /// Orders of a customer.
        public sealed class Orders
        {
            private readonly int _limit;

            /// The sum, validated.
            public int Total(int a)
            {
                Validate(a);
                int add(int x) => x + 1;
                return Sum(add(a));
            }
        }
        """;

    public static readonly IReadOnlyList<CodeSymbol> OrdersSymbols =
    [
        new() { Kind = SymbolKinds.Method, Name = "Total", QualifiedName = "Shop.Orders.Total", StartLine = 8, EndLine = 14, Signature = "(int a)", Doc = "The sum, validated.", Parent = "Shop.Orders", Calls = ["Sum", "Validate"] },
        new() { Kind = SymbolKinds.LocalFunction, Name = "add", QualifiedName = "Shop.Orders.Total.add", StartLine = 12, EndLine = 12, Signature = "(int x)", Parent = "Shop.Orders.Total" },
        new() { Kind = SymbolKinds.Class, Name = "Orders", QualifiedName = "Shop.Orders", StartLine = 3, EndLine = 15, Doc = "Orders of a customer." },
        new() { Kind = SymbolKinds.Property, Name = "Limit", QualifiedName = "Shop.Orders.Limit", StartLine = 6, EndLine = 6, Parent = "Shop.Orders" },
    ];

    public static FileIndex Orders(string blob) =>
        new("src/Orders.cs", blob, CodeLanguages.CSharp, OrdersText.Length, OrdersSymbols, new Code.Index.CodeChunker().Chunk("src/Orders.cs", OrdersText, OrdersSymbols).Take(3).ToArray());

    public static FileIndex Plain(string path, string blob)
    {
        const string text = "print('a')\nprint('b')\n";
        return new FileIndex(path, blob, CodeLanguages.FromPath(path), text.Length, [], new Code.Index.CodeChunker().Chunk(path, text, []));
    }

    /// <summary>A class and <paramref name="methods"/> - 1 methods of three lines each.</summary>
    public static FileIndex Generated(string path, string blob, int methods)
    {
        var type = Path.GetFileNameWithoutExtension(path);
        var symbols = new List<CodeSymbol> { new() { Kind = SymbolKinds.Class, Name = type, QualifiedName = $"pkg.{type}", StartLine = 1, EndLine = methods * 3 } };
        for (var m = 1; m < methods; m++)
        {
            symbols.Add(new CodeSymbol
            {
                Kind = SymbolKinds.Method, Name = $"m{m}", QualifiedName = $"pkg.{type}.m{m}", StartLine = m * 3, EndLine = (m * 3) + 2,
                Signature = "(int a, String b)", Parent = $"pkg.{type}", Calls = ["helper", $"m{m + 1}"],
            });
        }

        return new FileIndex(path, blob, CodeLanguages.Java, 1000, symbols, []);
    }
}
