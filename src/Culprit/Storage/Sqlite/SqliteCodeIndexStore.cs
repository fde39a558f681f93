using Culprit.Code;
using Culprit.Code.Index;

namespace Culprit.Storage.Sqlite;

/// <summary>
/// The code index in the embedded incident database file (its tables come with the incident store's
/// migrations). Shares the file, not the connections, with <see cref="SqliteIncidentStore"/>.
/// </summary>
public sealed class SqliteCodeIndexStore : ICodeIndexStore
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;

    /// <param name="path">The incident database file.</param>
    /// <param name="time">The clock for repository creation times.</param>
    public SqliteCodeIndexStore(string path, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _database = new SqliteDatabase(path);
        _time = time ?? TimeProvider.System;
    }

    public string FilePath => _database.FilePath;

    public Task<string> UpsertRepositoryAsync(string location, string name, CancellationToken cancellationToken = default)
    {
        var id = RepositoryIds.For(location);
        return _database.RunAsync(c => SqliteCodeWriter.UpsertRepositoryAsync(c, id, location, name, _time.GetUtcNow(), cancellationToken), cancellationToken);
    }

    public Task<IReadOnlyDictionary<FileKey, long>> FindFilesAsync(string repositoryId, IReadOnlyCollection<FileKey> files, CancellationToken cancellationToken = default) =>
        _database.RunAsync(c => SqliteCodeReader.FindFilesAsync(c, repositoryId, files, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<long>> StoreFilesAsync(string repositoryId, IReadOnlyList<FileIndex> files, CancellationToken cancellationToken = default) =>
        _database.RunAsync(c => SqliteCodeWriter.StoreFilesAsync(c, repositoryId, files, cancellationToken), cancellationToken);

    public Task<(long Symbols, long Chunks)> CountContentsAsync(IReadOnlyCollection<long> fileIds, CancellationToken cancellationToken = default) =>
        _database.RunAsync(c => SqliteCodeReader.CountContentsAsync(c, fileIds, cancellationToken), cancellationToken);

    public Task<IReadOnlyDictionary<string, float[]>> FindEmbeddingsAsync(string model, IReadOnlyCollection<string> contentHashes, CancellationToken cancellationToken = default) =>
        _database.RunAsync(c => SqliteCodeReader.FindEmbeddingsAsync(c, model, contentHashes, cancellationToken), cancellationToken);

    public Task RecordCommitAsync(string repositoryId, IndexedCommit commit, IReadOnlyCollection<long> fileIds, CancellationToken cancellationToken = default) =>
        _database.RunAsync(
            async c =>
            {
                await SqliteCodeWriter.RecordCommitAsync(c, repositoryId, commit, fileIds, cancellationToken);
                return true;
            },
            cancellationToken);

    public Task<IReadOnlyList<IndexedCommit>> ListCommitsAsync(string repositoryId, CancellationToken cancellationToken = default) =>
        _database.RunAsync(c => SqliteCodeReader.ListCommitsAsync(c, repositoryId, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<IndexedFile>> ListFilesAsync(string repositoryId, string commitSha, CancellationToken cancellationToken = default) =>
        _database.RunAsync(c => SqliteCodeReader.ListFilesAsync(c, repositoryId, commitSha, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<CodeSymbol>> GetSymbolsAsync(string repositoryId, string commitSha, string path, CancellationToken cancellationToken = default) =>
        _database.RunAsync(c => SqliteCodeReader.SymbolsAsync(c, repositoryId, commitSha, path, null, cancellationToken), cancellationToken);

    public async Task<CodeSymbol?> FindEnclosingSymbolAsync(string repositoryId, string commitSha, string path, int line, CancellationToken cancellationToken = default)
    {
        var symbols = await _database.RunAsync(c => SqliteCodeReader.SymbolsAsync(c, repositoryId, commitSha, path, line, cancellationToken), cancellationToken);
        return symbols.Count == 0 ? null : symbols[0];
    }

    public Task<IReadOnlyList<SymbolMatch>> FindSymbolsAsync(string repositoryId, string commitSha, string name, CancellationToken cancellationToken = default) =>
        _database.RunAsync(c => SqliteCodeReader.FindSymbolsAsync(c, repositoryId, commitSha, name, cancellationToken), cancellationToken);

    public Task<ChunkVectors> LoadVectorsAsync(string repositoryId, string commitSha, string model, CancellationToken cancellationToken = default) =>
        _database.RunAsync(c => SqliteCodeReader.LoadVectorsAsync(c, repositoryId, commitSha, model, cancellationToken), cancellationToken);

    public ValueTask DisposeAsync()
    {
        _database.ReleasePool();
        return ValueTask.CompletedTask;
    }
}
