using Culprit.Code;
using Culprit.Code.Embeddings;
using Culprit.Code.Git;
using Culprit.Code.Index;
using Culprit.Code.Symbols;
using Culprit.Storage;

namespace Culprit.Tests.Code.Index;

public sealed class CodeIndexerTests : IAsyncLifetime, IDisposable
{
    private readonly IndexedRepository _fixture = new();
    private ICodeIndexStore _store = null!;
    private GitRepository _git = null!;

    public async Task InitializeAsync()
    {
        _store = await _fixture.OpenStoreAsync();
        _git = GitRepository.Open(_fixture.Repo.Folder);
    }

    public async Task DisposeAsync()
    {
        _git.Dispose();
        await _store.DisposeAsync();
    }

    public void Dispose() => _fixture.Dispose();

    private CodeIndexer Indexer(IEmbedder? embedder = null, IndexerOptions? options = null) =>
        new(_store, new SymbolExtractor(), embedder, options);

    [Fact]
    public async Task TheFirstCommitParsesEveryCodeFileAndSkipsVendoredAndGeneratedOnes()
    {
        var phases = new List<string>();
        var result = await Indexer().IndexAsync(_git, _fixture.C1, progress: p => phases.Add(p.Phase));

        Assert.Equal(_fixture.C1, result.Commit);
        Assert.Equal(7, result.TreeFiles);
        Assert.Equal(4, result.Files);
        Assert.Equal(2, result.FilesSkipped);
        Assert.Equal(0, result.FilesReused);
        Assert.Equal(4, result.FilesParsed);
        Assert.Null(result.NearestIndexedCommit);
        Assert.Null(result.FilesChangedSinceNearest);
        Assert.Equal(result.SymbolsParsed, result.Symbols);
        Assert.Equal(result.ChunksMade, result.Chunks);
        Assert.Equal(0, result.ChunksEmbedded);
        Assert.Null(result.Embedder);
        Assert.Equal(["list", "parse", "chunk", "store", "record"], phases.Distinct());

        var files = await _store.ListFilesAsync(result.RepositoryId, _fixture.C1);
        Assert.Equal(["app/billing/invoice.py", "lib/util/Strings.java", "src/Orders/OrderService.cs", "web/cart.ts"], files.Select(f => f.Path));
        var commit = Assert.Single(await _store.ListCommitsAsync(result.RepositoryId));
        Assert.Equal((4, (int)result.Symbols, (int)result.Chunks, (string?)null), (commit.FileCount, commit.SymbolCount, commit.ChunkCount, commit.Embedder));
        var names = (await _store.GetSymbolsAsync(result.RepositoryId, _fixture.C1, "src/Orders/OrderService.cs")).Select(s => s.QualifiedName);
        Assert.Equal(["Shop.Orders.OrderService", "Shop.Orders.OrderService.Total", "Shop.Orders.OrderService.Cancel"], names);
    }

    [Fact]
    public async Task ALaterCommitParsesOnlyTheFilesChangedSinceTheNearestIndexedCommit()
    {
        var first = await Indexer().IndexAsync(_git, _fixture.C1);
        var third = await Indexer().IndexAsync(_git, _fixture.C3);

        Assert.Equal(first.RepositoryId, third.RepositoryId);
        Assert.Equal(_fixture.C1, third.NearestIndexedCommit);
        Assert.Equal(3, third.CommitsSinceNearest);
        Assert.Equal(4, third.FilesChangedSinceNearest); // invoice.py modified, Strings.java renamed, cart.ts deleted, Refunds.cs added
        Assert.Equal(4, third.Files);
        Assert.Equal(1, third.FilesReused); // OrderService.cs
        Assert.Equal(3, third.FilesParsed); // invoice.py, the renamed Strings.java, Refunds.cs

        var id = third.RepositoryId;
        Assert.Equal(["app/billing/invoice.py", "lib/text/Strings.java", "src/Orders/OrderService.cs", "src/Orders/Refunds.cs"],
            (await _store.ListFilesAsync(id, _fixture.C3)).Select(f => f.Path));
        Assert.Empty(await _store.GetSymbolsAsync(id, _fixture.C3, "web/cart.ts"));
        Assert.Contains("cartTotal", (await _store.GetSymbolsAsync(id, _fixture.C1, "web/cart.ts")).Select(s => s.Name));

        Assert.Contains("lib.Strings.pad", (await _store.GetSymbolsAsync(id, _fixture.C3, "lib/text/Strings.java")).Select(s => s.QualifiedName));
        Assert.Empty(await _store.GetSymbolsAsync(id, _fixture.C3, "lib/util/Strings.java"));
        Assert.Contains("lib.Strings.pad", (await _store.GetSymbolsAsync(id, _fixture.C1, "lib/util/Strings.java")).Select(s => s.QualifiedName));
        Assert.Empty(await _store.GetSymbolsAsync(id, _fixture.C1, "lib/text/Strings.java"));
        var pad = Assert.Single(await _store.FindSymbolsAsync(id, _fixture.C3, "pad"));
        Assert.Equal("lib/text/Strings.java", pad.Path);

        Assert.Equal(["apply_tax", "discount", "invoice_total"], (await _store.GetSymbolsAsync(id, _fixture.C3, "app/billing/invoice.py")).Select(s => s.Name).Order());
        Assert.Equal(["apply_tax", "invoice_total"], (await _store.GetSymbolsAsync(id, _fixture.C1, "app/billing/invoice.py")).Select(s => s.Name).Order());

        // The commit's counts cover reused files too: the OrderService symbols come from commit 1's parse.
        var orderSymbols = (await _store.GetSymbolsAsync(id, _fixture.C3, "src/Orders/OrderService.cs")).Count;
        Assert.Equal(3, orderSymbols);
        Assert.Equal(third.SymbolsParsed + orderSymbols, third.Symbols);
    }

    [Fact]
    public async Task IndexingTheSameCommitAgainReusesEverythingAndKeepsOneRecord()
    {
        await Indexer().IndexAsync(_git, _fixture.C1);
        var once = await Indexer().IndexAsync(_git, _fixture.C3);
        var files = await _store.ListFilesAsync(once.RepositoryId, _fixture.C3);

        var again = await Indexer().IndexAsync(_git, _fixture.C3);

        Assert.Equal(_fixture.C3, again.NearestIndexedCommit);
        Assert.Equal(0, again.CommitsSinceNearest);
        Assert.Equal(0, again.FilesChangedSinceNearest);
        Assert.Equal((4, 4, 0), (again.Files, again.FilesReused, again.FilesParsed));
        Assert.Equal((once.Symbols, once.Chunks), (again.Symbols, again.Chunks));
        Assert.Equal(files, await _store.ListFilesAsync(once.RepositoryId, _fixture.C3));
        Assert.Equal(new[] { _fixture.C1, _fixture.C3 }.Order(StringComparer.Ordinal), (await _store.ListCommitsAsync(once.RepositoryId)).Select(c => c.CommitSha).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ChunksWhoseDocumentWasEmbeddedBeforeReuseTheStoredVector()
    {
        var embedder = new HashingEmbedder();
        var first = await Indexer(embedder).IndexAsync(_git, _fixture.C1);
        Assert.Equal(embedder.Name, first.Embedder);
        Assert.Equal(first.ChunksMade, first.ChunksEmbedded);

        var second = await Indexer(embedder).IndexAsync(_git, _fixture.C2);

        // Only invoice.py changed: its two old functions have the same documents, only `discount` is embedded.
        Assert.Equal((1, 3), (second.FilesParsed, second.FilesReused));
        Assert.Equal(3, second.ChunksMade);
        Assert.Equal(1, second.ChunksEmbedded);
        var vectors = await _store.LoadVectorsAsync(second.RepositoryId, _fixture.C2, embedder.Name);
        Assert.Equal(second.Chunks, vectors.Count);
    }

    [Fact]
    public async Task ACancelledRunRecordsNoCommitAndTheNextRunReusesWhatItStored()
    {
        using var cancel = new CancellationTokenSource();
        var options = new IndexerOptions { BatchFiles = 1 };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Indexer(options: options).IndexAsync(_git, _fixture.C1, progress: p =>
        {
            if (p is { Phase: "store", FilesDone: 2 })
                cancel.Cancel();
        }, cancellationToken: cancel.Token));
        var id = RepositoryIds.For(_git.Root);
        Assert.Empty(await _store.ListCommitsAsync(id));
        Assert.Empty(await _store.ListFilesAsync(id, _fixture.C1));

        var result = await Indexer(options: options).IndexAsync(_git, _fixture.C1);

        Assert.Equal((2, 2), (result.FilesReused, result.FilesParsed));
        Assert.Equal(4, (await _store.ListFilesAsync(id, _fixture.C1)).Count);
    }

    [Fact]
    public async Task WithoutCtagsOneWarningSaysWhyAndTheOtherLanguagesWaitForTheNextRun()
    {
        var warnings = new List<string>();
        var extractor = new SymbolExtractor(new SymbolExtractorOptions { CtagsPath = "/nonexistent/ctags", OnWarning = warnings.Add });

        var result = await new CodeIndexer(_store, extractor).IndexAsync(_git, _fixture.C1);

        Assert.Equal((1, 4, 3, 3), (result.Files, result.FilesParsed, result.FilesWithNotes, result.FilesNotStored));
        var warning = Assert.Single(warnings);
        Assert.Contains("Install the 'universal-ctags' package", warning, StringComparison.Ordinal);
        Assert.Equal(3, (await _store.GetSymbolsAsync(result.RepositoryId, _fixture.C1, "src/Orders/OrderService.cs")).Count);
        Assert.Equal(["src/Orders/OrderService.cs"], (await _store.ListFilesAsync(result.RepositoryId, _fixture.C1)).Select(f => f.Path));

        // With ctags back, the files it missed are parsed, the C# file is reused.
        var again = await Indexer().IndexAsync(_git, _fixture.C1);
        Assert.Equal((4, 1, 3, 0), (again.Files, again.FilesReused, again.FilesParsed, again.FilesNotStored));
        Assert.Equal(["apply_tax", "invoice_total"], (await _store.GetSymbolsAsync(result.RepositoryId, _fixture.C1, "app/billing/invoice.py")).Select(s => s.Name).Order());
    }

    [Fact]
    public async Task AnUnknownCommitFailsBeforeAnythingIsStored()
    {
        await Assert.ThrowsAsync<CodeRepositoryException>(() => Indexer().IndexAsync(_git, "no-such-tag"));
        Assert.Empty(await _store.ListCommitsAsync(RepositoryIds.For(_git.Root)));
    }

    [Fact]
    public async Task MiniLmVectorsAreStoredAndFindTheFunctionOfAQuestion()
    {
        using var minilm = new MiniLmEmbedder();
        var result = await Indexer(minilm).IndexAsync(_git, _fixture.C1);
        Assert.Equal(MiniLmEmbedder.ModelName, result.Embedder);
        Assert.Equal(result.ChunksMade, result.ChunksEmbedded);

        var view = await IndexedCodeView.OpenAsync(_store, result.RepositoryId, _git, _fixture.C1, embedderFor: _ => minilm);
        var similar = view!.Similar!("ValueError in invoice_total: sum of line prices", 2);
        Assert.Equal(("app/billing/invoice.py", "invoice_total"), (similar[0].Path, similar[0].Symbol.Name));
        Assert.InRange(similar[0].Similarity, 0.3, 1.0);
    }
}
