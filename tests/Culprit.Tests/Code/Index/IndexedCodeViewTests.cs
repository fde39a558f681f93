using Culprit.Code;
using Culprit.Code.Embeddings;
using Culprit.Code.Git;
using Culprit.Code.Index;
using Culprit.Code.Symbols;
using Culprit.Storage;

namespace Culprit.Tests.Code.Index;

public sealed class IndexedCodeViewTests : IAsyncLifetime, IDisposable
{
    private readonly IndexedRepository _fixture = new();
    private ICodeIndexStore _store = null!;
    private GitRepository _git = null!;
    private string _repositoryId = null!;

    public async Task InitializeAsync()
    {
        _store = await _fixture.OpenStoreAsync();
        _git = GitRepository.Open(_fixture.Repo.Folder);
        _repositoryId = (await new CodeIndexer(_store, new SymbolExtractor(), new HashingEmbedder()).IndexAsync(_git, _fixture.C3)).RepositoryId;
    }

    public async Task DisposeAsync()
    {
        _git.Dispose();
        await _store.DisposeAsync();
    }

    public void Dispose() => _fixture.Dispose();

    private static object Shape(CodeSymbol s) =>
        (s.Kind, s.Name, s.QualifiedName, s.Signature, s.StartLine, s.EndLine, s.Parent, string.Join(",", s.Calls));

    [Theory]
    [InlineData("src/Orders/OrderService.cs")]
    [InlineData("src/Orders/Refunds.cs")]
    [InlineData("app/billing/invoice.py")]
    [InlineData("lib/text/Strings.java")]
    public async Task SymbolsOfAFileAreThoseTheRepositoryViewParses(string path)
    {
        var counting = new CountingExtractor(new SymbolExtractor());
        var indexed = (await IndexedCodeView.OpenAsync(_store, _repositoryId, _git, _fixture.C3, counting))!;
        var parsed = new RepositoryCodeView(_git, _fixture.C3, new SymbolExtractor());

        var fromIndex = indexed.SymbolsOf(path);

        Assert.NotEmpty(fromIndex);
        Assert.Equal(parsed.SymbolsOf(path).Select(Shape), fromIndex.Select(Shape));
        Assert.Equal(0, counting.Files);
        Assert.Equal(parsed.Lines(path), indexed.Lines(path));
    }

    [Fact]
    public async Task NamesAreFoundInTheIndexWithoutParsingAndPathsAreTheWholeTree()
    {
        var counting = new CountingExtractor(new SymbolExtractor());
        var indexed = (await IndexedCodeView.OpenAsync(_store, _repositoryId, _git, _fixture.C3, counting))!;

        var total = Assert.Single(indexed.FindCallable("Shop.Orders.OrderService.Total"));
        Assert.Equal(("src/Orders/OrderService.cs", 5, 8), (total.Path, total.Symbol.StartLine, total.Symbol.EndLine));
        Assert.Equal(["src/Orders/Refunds.cs"], indexed.FindByName("Refund", "src/Orders/OrderService.cs").Select(f => f.Path));
        Assert.Empty(indexed.FindByName("Refund", "app/billing/invoice.py")); // another language
        Assert.Equal(0, counting.Files);
        Assert.True(indexed.Paths.Contains("README.md"));
        Assert.True(indexed.Paths.Contains("node_modules/left-pad/index.js"));
        Assert.Null(indexed.Lines("web/cart.ts"));

        // A code file the index leaves out (vendored) is parsed on demand.
        Assert.Equal(["exports", "leftPad"], indexed.SymbolsOf("node_modules/left-pad/index.js").Select(s => s.Name));
        Assert.Equal(1, counting.Files);
    }

    [Fact]
    public async Task ACommitNotIndexedHasNoViewAndSimilarSearchesTheCommitsVectors()
    {
        Assert.Null(await IndexedCodeView.OpenAsync(_store, _repositoryId, _git, _fixture.C1));
        var withoutEmbedder = await IndexedCodeView.OpenAsync(_store, _repositoryId, _git, _fixture.C3);
        Assert.Null(withoutEmbedder!.Similar);

        var view = (await IndexedCodeView.OpenAsync(_store, _repositoryId, _git, _fixture.C3, embedderFor: name => Embedders.TryCreate(name, out var e, out _) ? e : null))!;
        var similar = view.Similar!("refund order amount paid", 2);

        Assert.Equal(("src/Orders/Refunds.cs", "Shop.Orders.Refunds.Refund"), (similar[0].Path, similar[0].Symbol.QualifiedName));
        Assert.InRange(similar[0].Similarity, 0.01, 1.0);
        Assert.Equal(2, similar.Count);
        Assert.True(similar[0].Similarity >= similar[1].Similarity);
    }

    private sealed class CountingExtractor(ISymbolExtractor inner) : ISymbolExtractor
    {
        public int Files { get; private set; }

        public bool Supports(string language) => inner.Supports(language);

        public IReadOnlyList<FileSymbols> Extract(IReadOnlyList<SourceFile> files, CancellationToken cancellationToken = default)
        {
            Files += files.Count;
            return inner.Extract(files, cancellationToken);
        }
    }
}
