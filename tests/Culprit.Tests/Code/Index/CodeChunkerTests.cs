using Culprit.Code;
using Culprit.Code.Index;

namespace Culprit.Tests.Code.Index;

public sealed class CodeChunkerTests
{
    private const string Source = """
        namespace Shop;

        /// Orders of a customer.
        public sealed class Orders
        {
            private readonly int _limit;

            public int Total(int a)
            {
                return a + _limit;
            }

            public enum Kind { A, B }
        }
        """;

    private static readonly CodeSymbol OrdersClass = Symbol(SymbolKinds.Class, "Orders", "Shop.Orders", 3, 14, doc: "Orders of a customer.");
    private static readonly CodeSymbol TotalMethod = Symbol(SymbolKinds.Method, "Total", "Shop.Orders.Total", 8, 11, signature: "(int a)", parent: "Shop.Orders");
    private static readonly CodeSymbol KindEnum = Symbol(SymbolKinds.Enum, "Kind", "Shop.Orders.Kind", 13, 13, parent: "Shop.Orders");

    [Fact]
    public void ATypeGivesItsHeaderAMethodItsBodyAMemberlessTypeAllOfIt()
    {
        var chunks = new CodeChunker().Chunk("src/Orders.cs", Source, [OrdersClass, TotalMethod, KindEnum]);

        Assert.Equal(3, chunks.Count);
        Assert.Equal((0, 3, 7), (chunks[0].SymbolIndex!.Value, chunks[0].StartLine, chunks[0].EndLine));
        Assert.Equal("/// Orders of a customer.\npublic sealed class Orders\n{\n    private readonly int _limit;\n", chunks[0].Content);
        Assert.Equal((1, 8, 11), (chunks[1].SymbolIndex!.Value, chunks[1].StartLine, chunks[1].EndLine));
        Assert.Equal("    public int Total(int a)\n    {\n        return a + _limit;\n    }", chunks[1].Content);
        Assert.Equal((2, 13, 13), (chunks[2].SymbolIndex!.Value, chunks[2].StartLine, chunks[2].EndLine));
    }

    [Fact]
    public void TheDocumentCarriesPathKindNameSignatureDocAndCode()
    {
        var chunks = new CodeChunker().Chunk("src/Orders.cs", Source, [OrdersClass, TotalMethod]);

        Assert.Equal(
            "src/Orders.cs\nmethod Shop.Orders.Total(int a)\n    public int Total(int a)\n    {\n        return a + _limit;\n    }",
            chunks[1].Document);
        Assert.StartsWith("src/Orders.cs\nclass Shop.Orders\nOrders of a customer.\n", chunks[0].Document, StringComparison.Ordinal);
        Assert.Equal(64, chunks[1].ContentHash.Length);
        Assert.Equal(CodeChunker.Hash(chunks[1].Document), chunks[1].ContentHash);
    }

    [Fact]
    public void EqualDocumentsHashEqualAndAnyChangeChangesTheHash()
    {
        var chunker = new CodeChunker();
        var first = chunker.Chunk("src/Orders.cs", Source, [TotalMethod])[0];
        var again = chunker.Chunk("src/Orders.cs", "\r\n" + Source.Replace("\n", "\r\n", StringComparison.Ordinal), [TotalMethod with { StartLine = 9, EndLine = 12 }])[0];
        var moved = chunker.Chunk("src/Other.cs", Source, [TotalMethod])[0];

        Assert.Equal(first.ContentHash, again.ContentHash);
        Assert.NotEqual(first.ContentHash, moved.ContentHash);
    }

    [Fact]
    public void ALongFunctionIsCutIntoOverlappingWindows()
    {
        var text = string.Join('\n', Enumerable.Range(1, 25).Select(i => $"line{i}"));
        var chunker = new CodeChunker(new ChunkerOptions { MaxLines = 10, OverlapLines = 3 });

        var chunks = chunker.Chunk("a.py", text, [Symbol(SymbolKinds.Function, "f", "a.f", 1, 25)]);

        Assert.Equal([(1, 10), (8, 17), (15, 24), (22, 25)], chunks.Select(c => (c.StartLine, c.EndLine)));
        Assert.All(chunks, c => Assert.Equal(0, c.SymbolIndex));
        Assert.Equal("line22\nline23\nline24\nline25", chunks[^1].Content);
    }

    [Fact]
    public void AWindowStopsAtTheCharacterCapAndAnOverlongLineIsCut()
    {
        var text = string.Join('\n', new string('a', 50), new string('b', 50), new string('c', 300), "d");
        var chunker = new CodeChunker(new ChunkerOptions { MaxChars = 120, OverlapLines = 0 });

        var chunks = chunker.Chunk("a.js", text, [Symbol(SymbolKinds.Function, "f", "f", 1, 4)]);

        Assert.Equal([(1, 2), (3, 3), (4, 4)], chunks.Select(c => (c.StartLine, c.EndLine)));
        Assert.Equal(120, chunks[1].Content.Length);
    }

    [Fact]
    public void AFileWithoutSymbolsIsChunkedWhole()
    {
        var chunks = new CodeChunker().Chunk("run.sh.py", "print('a')\nprint('b')\n", []);

        var chunk = Assert.Single(chunks);
        Assert.Null(chunk.SymbolIndex);
        Assert.Equal((1, 2), (chunk.StartLine, chunk.EndLine));
        Assert.Equal("run.sh.py\nprint('a')\nprint('b')", chunk.Document);
    }

    [Fact]
    public void SymbolsOutsideTheTextAreSkippedAndEndsAreClamped()
    {
        var chunks = new CodeChunker().Chunk("a.go", "func a() {\n}\n", [Symbol(SymbolKinds.Function, "a", "a", 1, 40), Symbol(SymbolKinds.Function, "b", "b", 7, 9)]);

        var chunk = Assert.Single(chunks);
        Assert.Equal((0, 1, 2), (chunk.SymbolIndex!.Value, chunk.StartLine, chunk.EndLine));
    }

    [Fact]
    public void AnEmptyFileHasNoChunks() => Assert.Empty(new CodeChunker().Chunk("a.cs", "", [TotalMethod]));

    [Fact]
    public void BadOptionsAreAllNamedAtOnce()
    {
        var error = Assert.Throws<ArgumentException>(() => new CodeChunker(new ChunkerOptions { MaxLines = 0, MaxChars = 5 }));

        Assert.Contains("MaxLines must be at least 1 (was 0)", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxChars must be at least 80 (was 5)", error.Message, StringComparison.Ordinal);
    }

    internal static CodeSymbol Symbol(string kind, string name, string qualifiedName, int start, int end, string? signature = null, string? doc = null, string? parent = null) => new()
    {
        Kind = kind,
        Name = name,
        QualifiedName = qualifiedName,
        StartLine = start,
        EndLine = end,
        Signature = signature,
        Doc = doc,
        Parent = parent,
    };
}
