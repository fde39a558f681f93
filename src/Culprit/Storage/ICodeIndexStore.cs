using Culprit.Code;
using Culprit.Code.Index;

namespace Culprit.Storage;

/// <summary>
/// The code index: repositories, file versions with their symbols and chunks (each stored once, shared by every
/// commit that has that blob at that path), and the commits indexed with their file lists. It lives in the
/// incident database (SQLite or PostgreSQL), whose migrations create its tables.
/// </summary>
public interface ICodeIndexStore : IAsyncDisposable
{
    /// <summary>Adds or renames the repository at <paramref name="location"/> (folder or URL); returns its id, <see cref="RepositoryIds.For"/>.</summary>
    Task<string> UpsertRepositoryAsync(string location, string name, CancellationToken cancellationToken = default);

    /// <summary>The ids of the given file versions that are already stored; the others must be parsed and stored.</summary>
    Task<IReadOnlyDictionary<FileKey, long>> FindFilesAsync(string repositoryId, IReadOnlyCollection<FileKey> files, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores file versions with their symbols (parent links resolved within each file) and chunks, all in one
    /// transaction; returns the file ids in input order. A version already stored keeps what it has and returns its id.
    /// </summary>
    Task<IReadOnlyList<long>> StoreFilesAsync(string repositoryId, IReadOnlyList<FileIndex> files, CancellationToken cancellationToken = default);

    /// <summary>How many symbols and chunks the given file versions hold together (for a commit's counts when most files are reused).</summary>
    Task<(long Symbols, long Chunks)> CountContentsAsync(IReadOnlyCollection<long> fileIds, CancellationToken cancellationToken = default);

    /// <summary>Stored vectors of <paramref name="model"/> by content hash, so a chunk seen before is not embedded again.</summary>
    Task<IReadOnlyDictionary<string, float[]>> FindEmbeddingsAsync(string model, IReadOnlyCollection<string> contentHashes, CancellationToken cancellationToken = default);

    /// <summary>Records the commit and its files in one transaction; indexing a commit again replaces its record.</summary>
    Task RecordCommitAsync(string repositoryId, IndexedCommit commit, IReadOnlyCollection<long> fileIds, CancellationToken cancellationToken = default);

    /// <summary>The repository's indexed commits, most recently indexed first.</summary>
    Task<IReadOnlyList<IndexedCommit>> ListCommitsAsync(string repositoryId, CancellationToken cancellationToken = default);

    /// <summary>The files of an indexed commit, by path; empty for a commit not indexed.</summary>
    Task<IReadOnlyList<IndexedFile>> ListFilesAsync(string repositoryId, string commitSha, CancellationToken cancellationToken = default);

    /// <summary>The symbols of one file of the commit, by start line (outer before inner on the same line).</summary>
    Task<IReadOnlyList<CodeSymbol>> GetSymbolsAsync(string repositoryId, string commitSha, string path, CancellationToken cancellationToken = default);

    /// <summary>The innermost symbol whose lines contain <paramref name="line"/>, or null.</summary>
    Task<CodeSymbol?> FindEnclosingSymbolAsync(string repositoryId, string commitSha, string path, int line, CancellationToken cancellationToken = default);

    /// <summary>
    /// Symbols of the commit named <paramref name="name"/>: an exact qualified name, or a simple name, or a
    /// qualified-name suffix (<c>Orders.total</c>), by path and line.
    /// </summary>
    Task<IReadOnlyList<SymbolMatch>> FindSymbolsAsync(string repositoryId, string commitSha, string name, CancellationToken cancellationToken = default);

    /// <summary>Every chunk vector of the commit made by <paramref name="model"/>, as one matrix for <see cref="VectorIndex"/>, by file (in storage order) and line.</summary>
    Task<ChunkVectors> LoadVectorsAsync(string repositoryId, string commitSha, string model, CancellationToken cancellationToken = default);
}
