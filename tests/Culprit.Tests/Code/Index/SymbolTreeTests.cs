using Culprit.Code;
using Culprit.Code.Index;
using static Culprit.Tests.Code.Index.CodeChunkerTests;

namespace Culprit.Tests.Code.Index;

public sealed class SymbolTreeTests
{
    [Fact]
    public void ParentsAreResolvedToTheSmallestEnclosingNamesakeAndComeFirst()
    {
        CodeSymbol[] symbols =
        [
            Symbol(SymbolKinds.LocalFunction, "inner", "A.Run.inner", 12, 13, parent: "A.Run"),
            Symbol(SymbolKinds.Method, "Run", "A.Run", 2, 5, parent: "A"),
            Symbol(SymbolKinds.Method, "Run", "A.Run", 10, 15, parent: "A"),
            Symbol(SymbolKinds.Class, "A", "A", 1, 20),
            Symbol(SymbolKinds.Method, "Lost", "A.Lost", 16, 17, parent: "Missing"),
        ];

        var tree = SymbolTree.Of(symbols);

        Assert.Equal([2, 3, 3, -1, -1], tree.Parents);
        Assert.Equal([3, 4, 1, 2, 0], tree.Order);
    }

    [Fact]
    public void ACycleIsCut()
    {
        CodeSymbol[] symbols = [Symbol(SymbolKinds.Class, "A", "A", 1, 5, parent: "B"), Symbol(SymbolKinds.Class, "B", "B", 1, 5, parent: "A")];

        var tree = SymbolTree.Of(symbols);

        Assert.Contains(-1, tree.Parents);
        Assert.Equal(2, tree.Order.Distinct().Count());
    }

    [Theory]
    [InlineData("Orders.total", "total")]
    [InlineData("total", "total")]
    [InlineData("Acme.Orders..ctor", ".ctor")]
    [InlineData(".ctor", ".ctor")]
    public void TheSimpleNameIsTheLastSegment(string name, string simple) => Assert.Equal(simple, SymbolNames.Simple(name));

    [Theory]
    [InlineData("com.acme.Orders.total", true)]
    [InlineData("Orders.total", true)]
    [InlineData("total", true)]
    [InlineData("rders.total", false)]
    [InlineData("Other.total", false)]
    public void ANameMatchesExactlyBySimpleNameOrByDottedSuffix(string name, bool matches) =>
        Assert.Equal(matches, SymbolNames.Matches(Symbol(SymbolKinds.Method, "total", "com.acme.Orders.total", 1, 2), name));
}
