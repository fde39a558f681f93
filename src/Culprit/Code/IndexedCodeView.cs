using System.Collections.Concurrent;
using Culprit.Code.Embeddings;
using Culprit.Code.Index;
using Culprit.Code.Mapping;
using Culprit.Storage;

namespace Culprit.Code;

/// <summary>
/// An <see cref="ICodeView"/> of a commit that is in the code index: symbols come from the store (nothing is parsed),
/// lines are read from the repository, and paths are the commit's whole tree so that a frame into a file the index
/// leaves out (vendored, not code) still finds its path. A code file left out of the index is parsed on demand when
/// an extractor is given. When the commit has vectors, <see cref="Similar"/> searches them.
/// </summary>
/// <remarks>
/// <see cref="ICodeView"/> is synchronous; the store's answers are awaited in place (the CLI has no synchronisation
/// context) and cached per path and per name.
/// </remarks>
public sealed class IndexedCodeView : ICodeView
{
    private readonly ICodeIndexStore _store;
    private readonly string _repositoryId;
    private readonly ICodeRepository _repository;
    private readonly ISymbolExtractor? _extractor;
    private readonly HashSet<string> _indexed;
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>?> _lines = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<CodeSymbol>> _symbols = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<SymbolMatch>> _byName = new(StringComparer.Ordinal);

    private IndexedCodeView(ICodeIndexStore store, string repositoryId, ICodeRepository repository, IndexedCommit commit, IReadOnlyList<IndexedFile> files,
        ISymbolExtractor? extractor, IReadOnlyList<CodeMapping>? mappings)
    {
        _store = store;
        _repositoryId = repositoryId;
        _repository = repository;
        _extractor = extractor;
        Indexed = commit;
        Commit = commit.CommitSha;
        _indexed = new HashSet<string>(files.Select(f => f.Path), StringComparer.Ordinal);
        Paths = new RepoPathIndex(repository.ListFiles(Commit).Select(f => f.Path), mappings);
    }

    public string Commit { get; }

    public IndexedCommit Indexed { get; }

    public RepoPathIndex Paths { get; }

    /// <summary>Chunks most similar to a text, as <see cref="Rca.Candidates.CandidateRequest.Similar"/> takes them; null when the commit has no vectors.</summary>
    public Func<string, int, IReadOnlyList<(string Path, CodeSymbol Symbol, double Similarity)>>? Similar { get; private set; }

    /// <summary>
    /// The view of <paramref name="commitSha"/> (a full SHA) when it is indexed for the repository, else null.
    /// <paramref name="embedderFor"/> makes the embedder the commit was indexed with (by its stored name) for
    /// <see cref="Similar"/>; null or an unknown name leaves <see cref="Similar"/> null.
    /// </summary>
    public static async Task<IndexedCodeView?> OpenAsync(ICodeIndexStore store, string repositoryId, ICodeRepository repository, string commitSha,
        ISymbolExtractor? extractor = null, IReadOnlyList<CodeMapping>? mappings = null, Func<string, IEmbedder?>? embedderFor = null,
        CancellationToken cancellationToken = default)
    {
        var commits = await store.ListCommitsAsync(repositoryId, cancellationToken).ConfigureAwait(false);
        if (commits.FirstOrDefault(c => c.CommitSha == commitSha) is not { } commit)
            return null;
        var files = await store.ListFilesAsync(repositoryId, commitSha, cancellationToken).ConfigureAwait(false);
        var view = new IndexedCodeView(store, repositoryId, repository, commit, files, extractor, mappings);
        if (commit.Embedder is { } name && commit.ChunkCount > 0 && embedderFor is not null)
        {
            var embedder = new Lazy<IEmbedder?>(() => embedderFor(name));
            var search = new Lazy<CodeSearch?>(() => embedder.Value is { } e && e.Name == name ? new CodeSearch(store, e) : null);
            view.Similar = (text, k) => view.FindSimilar(search.Value, text, k);
        }

        return view;
    }

    public IReadOnlyList<string>? Lines(string path) =>
        _lines.GetOrAdd(path, p => _repository.ReadFile(Commit, p) is { } text ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n') : null);

    public IReadOnlyList<CodeSymbol> SymbolsOf(string path) => _symbols.GetOrAdd(path, Load);

    public IReadOnlyList<(string Path, CodeSymbol Symbol)> FindCallable(string qualifiedName) =>
        [.. Named(qualifiedName).Where(m => m.Symbol.QualifiedName == qualifiedName && SymbolKinds.IsCallable(m.Symbol.Kind)).Select(m => (m.Path, m.Symbol))];

    public IReadOnlyList<(string Path, CodeSymbol Symbol)> FindByName(string name, string nearPath)
    {
        var language = CodeLanguages.FromPath(nearPath);
        var folder = nearPath.Contains('/', StringComparison.Ordinal) ? nearPath[..nearPath.LastIndexOf('/')] : "";
        return
        [
            .. Named(name)
                .Where(m => m.Symbol.Name == name && SymbolKinds.IsCallable(m.Symbol.Kind) && (language is null || CodeLanguages.FromPath(m.Path) == language))
                .OrderBy(m => m.Path == nearPath ? 0 : m.Path.StartsWith(folder + "/", StringComparison.Ordinal) ? 1 : 2)
                .ThenBy(m => m.Path, StringComparer.Ordinal)
                .ThenBy(m => m.Symbol.StartLine)
                .Select(m => (m.Path, m.Symbol)),
        ];
    }

    private IReadOnlyList<CodeSymbol> Load(string path)
    {
        if (_indexed.Contains(path))
            return _store.GetSymbolsAsync(_repositoryId, Commit, path).GetAwaiter().GetResult();
        var language = CodeLanguages.FromPath(path);
        if (_extractor is null || language is null || !_extractor.Supports(language) || _repository.ReadFile(Commit, path) is not { } text)
            return [];
        return [.. _extractor.Extract([new SourceFile(path, language, text)])[0].Symbols.OrderBy(s => s.StartLine).ThenByDescending(s => s.EndLine)];
    }

    private IReadOnlyList<SymbolMatch> Named(string name) =>
        _byName.GetOrAdd(name, n => _store.FindSymbolsAsync(_repositoryId, Commit, n).GetAwaiter().GetResult());

    /// <summary>The symbols of the best chunks (windows of one symbol count once), similarity clamped to [0, 1].</summary>
    private IReadOnlyList<(string Path, CodeSymbol Symbol, double Similarity)> FindSimilar(CodeSearch? search, string text, int k)
    {
        if (search is null || k <= 0)
            return [];
        var hits = search.SearchAsync(_repositoryId, Commit, text, k * 3).GetAwaiter().GetResult();
        var found = new List<(string Path, CodeSymbol Symbol, double Similarity)>(k);
        foreach (var hit in hits)
        {
            var row = hit.Chunk;
            if (row.QualifiedName is null)
                continue;
            var symbol = SymbolsOf(row.Path).FirstOrDefault(s => s.QualifiedName == row.QualifiedName && s.StartLine <= row.StartLine && s.EndLine >= row.EndLine);
            if (symbol is null || found.Any(f => f.Path == row.Path && f.Symbol.StartLine == symbol.StartLine))
                continue;
            found.Add((row.Path, symbol, Math.Clamp(hit.Score, 0, 1)));
            if (found.Count == k)
                break;
        }

        return found;
    }
}
