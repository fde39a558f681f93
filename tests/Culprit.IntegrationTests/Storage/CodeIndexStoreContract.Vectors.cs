using Culprit.Code;
using Culprit.Code.Index;

namespace Culprit.IntegrationTests.Storage;

/// <summary>Chunk vectors, embedding reuse, bulk writes and all-or-nothing batches.</summary>
public abstract partial class CodeIndexStoreContract
{
    [Fact]
    public async Task TheVectorsOfACommitLoadAsOneMatrixOfOneModel()
    {
        var store = await OpenAsync();
        var repo = await store.UpsertRepositoryAsync(RepoUrl, "shop");
        var orders = Samples.Orders("b1");
        var embedded = orders with
        {
            Chunks = [orders.Chunks[0] with { Embedding = [1f, 0f, 0f], Model = "m" }, orders.Chunks[1] with { Embedding = [0f, 0.5f, -2f], Model = "m" }, orders.Chunks[2] with { Embedding = [9f, 9f], Model = "other" }],
        };
        var plain = Samples.Plain("a.py", "a1");
        plain = plain with { Chunks = [plain.Chunks[0] with { Embedding = [0f, 0f, 1f], Model = "m" }] };
        await store.RecordCommitAsync(repo, new IndexedCommit(C1, T0, "m", 2, 4, 4), await store.StoreFilesAsync(repo, [embedded, plain]));

        var vectors = await store.LoadVectorsAsync(repo, C1, "m");

        Assert.Equal(3, vectors.Dimensions);
        Assert.Equal([1f, 0f, 0f, 0f, 0.5f, -2f, 0f, 0f, 1f], vectors.Matrix);
        Assert.Equal(
            [("src/Orders.cs", 8, 14, "Shop.Orders.Total", "method"), ("src/Orders.cs", 12, 12, "Shop.Orders.Total.add", "local_function"), ("a.py", 1, 2, (string?)null, (string?)null)],
            vectors.Rows.Select(r => (r.Path, r.StartLine, r.EndLine, r.QualifiedName, r.Kind)));
        Assert.Equal(0, (await store.LoadVectorsAsync(repo, C2, "m")).Count);
        Assert.Equal(0, (await store.LoadVectorsAsync(repo, C1, "nobody")).Count);
    }

    [Fact]
    public async Task StoredEmbeddingsAreFoundByContentHashAndModel()
    {
        var store = await OpenAsync();
        var repo = await store.UpsertRepositoryAsync(RepoUrl, "shop");
        var orders = Samples.Orders("b1");
        var chunk = orders.Chunks[1] with { Embedding = [0.25f, -1f], Model = "m" };
        await store.StoreFilesAsync(repo, [orders with { Chunks = [chunk, orders.Chunks[2]] }]);

        var found = await store.FindEmbeddingsAsync("m", [chunk.ContentHash, orders.Chunks[2].ContentHash, "nope"]);

        Assert.Equal([0.25f, -1f], Assert.Single(found, f => f.Key == chunk.ContentHash).Value);
        Assert.Single(found);
        Assert.Empty(await store.FindEmbeddingsAsync("other", [chunk.ContentHash]));
        Assert.Empty(await store.FindEmbeddingsAsync("m", []));
    }

    [Fact]
    public async Task ManyFilesAndSymbolsStoreInOneBatch()
    {
        var store = await OpenAsync();
        var repo = await store.UpsertRepositoryAsync(RepoUrl, "shop");
        var files = Enumerable.Range(0, 200).Select(i => Samples.Generated($"src/F{i}.java", $"blob{i}", 100)).ToArray();

        var ids = await store.StoreFilesAsync(repo, files);
        await store.RecordCommitAsync(repo, new IndexedCommit(C1, T0, null, 200, 20_000, 200), ids);

        Assert.Equal(200, ids.Distinct().Count());
        var symbols = await store.GetSymbolsAsync(repo, C1, "src/F17.java");
        Assert.Equal(100, symbols.Count);
        Assert.Equal("F17", symbols[0].Name);
        Assert.All(symbols.Skip(1), s => Assert.Equal("pkg.F17", s.Parent));
        Assert.Equal("m42", (await store.FindEnclosingSymbolAsync(repo, C1, "src/F17.java", 42 * 3 + 1))?.Name);
    }

    [Fact]
    public async Task ABatchThatFailsStoresNothing()
    {
        var store = await OpenAsync();
        var repo = await store.UpsertRepositoryAsync(RepoUrl, "shop");

        await Assert.ThrowsAnyAsync<Exception>(() => store.StoreFilesAsync("not-a-repository", [Samples.Orders("b1")]));

        Assert.Empty(await store.FindFilesAsync("not-a-repository", [new FileKey("src/Orders.cs", "b1")]));
        var ids = await store.StoreFilesAsync(repo, [Samples.Orders("b1")]);
        await store.RecordCommitAsync(repo, new IndexedCommit(C1, T0, null, 1, 4, 3), ids);
        Assert.Equal(Samples.OrdersSymbols.Count, (await store.GetSymbolsAsync(repo, C1, "src/Orders.cs")).Count);
    }

    [Fact]
    public async Task ASymbolWhoseParentIsMissingIsStoredWithoutOne()
    {
        var store = await OpenAsync();
        var repo = await store.UpsertRepositoryAsync(RepoUrl, "shop");
        var lost = new CodeSymbol { Kind = SymbolKinds.Function, Name = "f", QualifiedName = "m.f", StartLine = 1, EndLine = 2, Parent = "m.Gone" };
        var ids = await store.StoreFilesAsync(repo, [new FileIndex("m.py", "x", "python", 10, [lost], [])]);
        await store.RecordCommitAsync(repo, new IndexedCommit(C1, T0, null, 1, 1, 0), ids);

        Assert.Null(Assert.Single(await store.GetSymbolsAsync(repo, C1, "m.py")).Parent);
    }
}
