using Culprit.Code.Embeddings;
using Culprit.Storage;

namespace Culprit.Code.Index;

/// <summary>
/// Semantic search over one commit's chunks: the query is embedded with the embedder that indexed them and
/// compared with every chunk vector. The vectors of the last commit searched stay loaded.
/// </summary>
public sealed class CodeSearch
{
    private readonly ICodeIndexStore _store;
    private readonly IEmbedder _embedder;
    private volatile Loaded? _loaded;

    public CodeSearch(ICodeIndexStore store, IEmbedder embedder)
    {
        _store = store;
        _embedder = embedder;
    }

    /// <summary>The <paramref name="k"/> chunks most similar to <paramref name="query"/>, best first; empty when the commit has no vectors of this embedder.</summary>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string repositoryId, string commitSha, string query, int k, CancellationToken cancellationToken = default)
    {
        var index = await IndexOfAsync(repositoryId, commitSha, cancellationToken);
        if (index.Count == 0 || k <= 0)
            return [];
        var vector = _embedder.Embed([query], cancellationToken)[0];
        return index.Search(vector, k);
    }

    private async Task<VectorIndex> IndexOfAsync(string repositoryId, string commitSha, CancellationToken cancellationToken)
    {
        // Two searches of a new commit at once may both load it; the later load wins, both answers are right.
        if (_loaded is { } loaded && loaded.Repository == repositoryId && loaded.Commit == commitSha)
            return loaded.Index;
        var vectors = await _store.LoadVectorsAsync(repositoryId, commitSha, _embedder.Name, cancellationToken);
        var index = new VectorIndex(vectors);
        _loaded = new Loaded(repositoryId, commitSha, index);
        return index;
    }

    private sealed record Loaded(string Repository, string Commit, VectorIndex Index);
}
