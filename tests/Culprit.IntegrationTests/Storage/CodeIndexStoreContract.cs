using Culprit.Code;
using Culprit.Code.Index;
using Culprit.Storage;

namespace Culprit.IntegrationTests.Storage;

/// <summary>
/// What every <see cref="ICodeIndexStore"/> must do, run against each backend by a subclass that gives it a fresh,
/// migrated database per test. Files and queries here; bulk writes and vectors beside.
/// </summary>
public abstract partial class CodeIndexStoreContract : IAsyncLifetime
{
    protected const string RepoUrl = "https://github.com/acme/shop.git";
    protected const string C1 = "1111111111111111111111111111111111111111";
    protected const string C2 = "2222222222222222222222222222222222222222";

    protected static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly List<ICodeIndexStore> _stores = [];

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores)
            await store.DisposeAsync();
    }

    /// <summary>A new store on this test's database, which is already migrated.</summary>
    protected abstract Task<ICodeIndexStore> NewStoreAsync();

    protected async Task<ICodeIndexStore> OpenAsync()
    {
        var store = await NewStoreAsync();
        _stores.Add(store);
        return store;
    }

    [Fact]
    public async Task ARepositoryIdIsTheHashOfItsLocationAndSurvivesARename()
    {
        var store = await OpenAsync();

        var id = await store.UpsertRepositoryAsync(RepoUrl, "shop");
        var again = await store.UpsertRepositoryAsync("https://github.com/acme/shop", "shop-renamed");
        var other = await store.UpsertRepositoryAsync("https://gitlab.com/acme/shop", "shop-renamed");

        Assert.Equal(RepositoryIds.For(RepoUrl), id);
        Assert.Equal(id, again);
        Assert.NotEqual(id, other);
    }

    [Fact]
    public async Task AStoredFileReadsBackWithItsSymbolsParentsAndCalls()
    {
        var store = await OpenAsync();
        var repo = await store.UpsertRepositoryAsync(RepoUrl, "shop");
        var ids = await store.StoreFilesAsync(repo, [Samples.Orders("b1")]);
        await store.RecordCommitAsync(repo, new IndexedCommit(C1, T0, "hashing-512", 1, 4, 3), ids);

        var symbols = await store.GetSymbolsAsync(repo, C1, "src/Orders.cs");

        Assert.Equal(Samples.OrdersSymbols.OrderBy(s => s.StartLine).ThenByDescending(s => s.EndLine), symbols, SymbolComparer.Instance);
        var total = symbols.Single(s => s.Name == "Total");
        Assert.Equal("Shop.Orders", total.Parent);
        Assert.Equal(["Sum", "Validate"], total.Calls);
        Assert.Equal("Shop.Orders.Total", symbols.Single(s => s.Name == "add").Parent);
        Assert.Empty(await store.GetSymbolsAsync(repo, C2, "src/Orders.cs"));
        Assert.Empty(await store.GetSymbolsAsync(repo, C1, "src/Missing.cs"));
    }

    [Fact]
    public async Task AnUnchangedFileIsStoredOnceAndSharedByCommits()
    {
        var store = await OpenAsync();
        var repo = await store.UpsertRepositoryAsync(RepoUrl, "shop");
        var first = await store.StoreFilesAsync(repo, [Samples.Orders("b1"), Samples.Plain("README.py", "r1")]);
        await store.RecordCommitAsync(repo, new IndexedCommit(C1, T0, null, 2, 4, 4), first);

        var known = await store.FindFilesAsync(repo, [new FileKey("src/Orders.cs", "b1"), new FileKey("src/Orders.cs", "b2"), new FileKey("README.py", "r1")]);
        Assert.Equal(2, known.Count);
        Assert.Equal(first[0], known[new FileKey("src/Orders.cs", "b1")]);

        var second = await store.StoreFilesAsync(repo, [Samples.Orders("b1"), Samples.Orders("b2") with { Path = "src/Orders.cs" }]);
        await store.RecordCommitAsync(repo, new IndexedCommit(C2, T0.AddHours(1), null, 2, 8, 6), [second[0], first[1]]);

        Assert.Equal(first[0], second[0]);
        Assert.NotEqual(first[0], second[1]);
        Assert.Equal(Samples.OrdersSymbols.Count, (await store.GetSymbolsAsync(repo, C1, "src/Orders.cs")).Count);
        var files = await store.ListFilesAsync(repo, C2);
        Assert.Equal([("README.py", "r1", "python"), ("src/Orders.cs", "b1", "csharp")], files.Select(f => (f.Path, f.BlobSha, f.Language)));
        Assert.Equal([first[1], first[0]], files.Select(f => f.Id));
    }

    [Fact]
    public async Task CommitsListNewestFirstAndReindexingReplacesTheFileList()
    {
        var store = await OpenAsync();
        var repo = await store.UpsertRepositoryAsync(RepoUrl, "shop");
        var ids = await store.StoreFilesAsync(repo, [Samples.Orders("b1"), Samples.Plain("a.py", "a1")]);
        await store.RecordCommitAsync(repo, new IndexedCommit(C1, T0, "hashing-512", 2, 4, 4), ids);
        await store.RecordCommitAsync(repo, new IndexedCommit(C2, T0.AddDays(1), "all-MiniLM-L6-v2", 2, 4, 4), ids);

        await store.RecordCommitAsync(repo, new IndexedCommit(C1, T0.AddDays(2), "hashing-512", 1, 0, 1), [ids[1], ids[1]]);

        var commits = await store.ListCommitsAsync(repo);
        Assert.Equal([new IndexedCommit(C1, T0.AddDays(2), "hashing-512", 1, 0, 1), new IndexedCommit(C2, T0.AddDays(1), "all-MiniLM-L6-v2", 2, 4, 4)], commits);
        Assert.Equal(["a.py"], (await store.ListFilesAsync(repo, C1)).Select(f => f.Path));
        Assert.Empty(await store.ListCommitsAsync("0000000000000000"));
    }

    [Fact]
    public async Task TheInnermostEnclosingSymbolOfALineIsFound()
    {
        var store = await OpenAsync();
        var repo = await store.UpsertRepositoryAsync(RepoUrl, "shop");
        await store.RecordCommitAsync(repo, new IndexedCommit(C1, T0, null, 1, 4, 3), await store.StoreFilesAsync(repo, [Samples.Orders("b1")]));

        Assert.Equal("add", (await store.FindEnclosingSymbolAsync(repo, C1, "src/Orders.cs", 12))?.Name);
        Assert.Equal("Total", (await store.FindEnclosingSymbolAsync(repo, C1, "src/Orders.cs", 10))?.Name);
        Assert.Equal("Orders", (await store.FindEnclosingSymbolAsync(repo, C1, "src/Orders.cs", 5))?.Name);
        Assert.Null(await store.FindEnclosingSymbolAsync(repo, C1, "src/Orders.cs", 1));
        Assert.Null(await store.FindEnclosingSymbolAsync(repo, C2, "src/Orders.cs", 12));
    }

    [Fact]
    public async Task SymbolsAreFoundByQualifiedNameSimpleNameOrSuffixInTheCommitOnly()
    {
        var store = await OpenAsync();
        var repo = await store.UpsertRepositoryAsync(RepoUrl, "shop");
        var ids = await store.StoreFilesAsync(repo, [Samples.Orders("b1"), Samples.Orders("b9") with { Path = "src/Old.cs" }]);
        await store.RecordCommitAsync(repo, new IndexedCommit(C1, T0, null, 1, 4, 3), [ids[0]]);

        Assert.Equal([("src/Orders.cs", "Shop.Orders.Total")], (await store.FindSymbolsAsync(repo, C1, "Total")).Select(m => (m.Path, m.Symbol.QualifiedName)));
        Assert.Single(await store.FindSymbolsAsync(repo, C1, "Shop.Orders.Total"));
        Assert.Single(await store.FindSymbolsAsync(repo, C1, "Orders.Total"));
        Assert.Empty(await store.FindSymbolsAsync(repo, C1, "Other.Total"));
        Assert.Equal(8, Assert.Single(await store.FindSymbolsAsync(repo, C1, "Total")).Symbol.StartLine);
    }

    private sealed class SymbolComparer : IEqualityComparer<CodeSymbol>
    {
        public static readonly SymbolComparer Instance = new();

        public bool Equals(CodeSymbol? x, CodeSymbol? y) =>
            x is not null && y is not null && (x with { Calls = [] }) == (y with { Calls = [] }) && x.Calls.SequenceEqual(y.Calls);

        public int GetHashCode(CodeSymbol obj) => obj.QualifiedName.GetHashCode(StringComparison.Ordinal);
    }
}
