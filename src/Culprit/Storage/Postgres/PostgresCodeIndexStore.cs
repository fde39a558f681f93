using Culprit.Code;
using Culprit.Code.Index;
using Npgsql;

namespace Culprit.Storage.Postgres;

/// <summary>
/// The code index in the incident database on PostgreSQL (its tables come with the incident store's
/// migrations). Vectors are <c>bytea</c> (float32 little-endian, the same bytes as SQLite): search runs in
/// process over one commit's vectors, so the server never computes on them.
/// </summary>
public sealed class PostgresCodeIndexStore : ICodeIndexStore
{
    private readonly PostgresDatabase _database;
    private readonly TimeProvider _time;

    /// <param name="connectionString">An Npgsql connection string; the store owns the pool it creates.</param>
    /// <param name="time">The clock for repository creation times.</param>
    public PostgresCodeIndexStore(string connectionString, TimeProvider? time = null)
        : this(NpgsqlDataSource.Create(connectionString), ownsSource: true, time)
    {
    }

    /// <param name="source">A data source shared with other parts of the process; it stays open after the store is disposed.</param>
    /// <param name="time">The clock for repository creation times.</param>
    public PostgresCodeIndexStore(NpgsqlDataSource source, TimeProvider? time = null)
        : this(source, ownsSource: false, time)
    {
    }

    private PostgresCodeIndexStore(NpgsqlDataSource source, bool ownsSource, TimeProvider? time)
    {
        _database = new PostgresDatabase(source, ownsSource);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The server and database, as host:port/database.</summary>
    public string Location => _database.Location;

    public Task<string> UpsertRepositoryAsync(string location, string name, CancellationToken cancellationToken = default)
    {
        var id = RepositoryIds.For(location);
        return _database.RunAsync(c => PostgresCodeWriter.UpsertRepositoryAsync(c, id, location, name, _time.GetUtcNow(), cancellationToken), cancellationToken);
    }

    public Task<IReadOnlyDictionary<FileKey, long>> FindFilesAsync(string repositoryId, IReadOnlyCollection<FileKey> files, CancellationToken cancellationToken = default) =>
        _database.RunAsync(c => PostgresCodeReader.FindFilesAsync(c, repositoryId, files, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<long>> StoreFilesAsync(string repositoryId, IReadOnlyList<FileIndex> files, CancellationToken cancellationToken = default) =>
        _database.RunAsync(c => PostgresCodeWriter.StoreFilesAsync(c, repositoryId, files, cancellationToken), cancellationToken);

    public Task<(long Symbols, long Chunks)> CountContentsAsync(IReadOnlyCollection<long> fileIds, CancellationToken cancellationToken = default) =>
        _database.RunAsync(c => PostgresCodeReader.CountContentsAsync(c, fileIds, cancellationToken), cancellationToken);

    public Task<IReadOnlyDictionary<string, float[]>> FindEmbeddingsAsync(string model, IReadOnlyCollection<string> contentHashes, CancellationToken cancellationToken = default) =>
        _database.RunAsync(c => PostgresCodeReader.FindEmbeddingsAsync(c, model, contentHashes, cancellationToken), cancellationToken);

    public Task RecordCommitAsync(string repositoryId, IndexedCommit commit, IReadOnlyCollection<long> fileIds, CancellationToken cancellationToken = default) =>
        _database.RunAsync(
            async c =>
            {
                await PostgresCodeWriter.RecordCommitAsync(c, repositoryId, commit, fileIds, cancellationToken);
                return true;
            },
            cancellationToken);

    public Task<IReadOnlyList<IndexedCommit>> ListCommitsAsync(string repositoryId, CancellationToken cancellationToken = default) =>
        _database.RunAsync(c => PostgresCodeReader.ListCommitsAsync(c, repositoryId, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<IndexedFile>> ListFilesAsync(string repositoryId, string commitSha, CancellationToken cancellationToken = default) =>
        _database.RunAsync(c => PostgresCodeReader.ListFilesAsync(c, repositoryId, commitSha, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<CodeSymbol>> GetSymbolsAsync(string repositoryId, string commitSha, string path, CancellationToken cancellationToken = default) =>
        _database.RunAsync(c => PostgresCodeReader.SymbolsAsync(c, repositoryId, commitSha, path, null, cancellationToken), cancellationToken);

    public async Task<CodeSymbol?> FindEnclosingSymbolAsync(string repositoryId, string commitSha, string path, int line, CancellationToken cancellationToken = default)
    {
        var symbols = await _database.RunAsync(c => PostgresCodeReader.SymbolsAsync(c, repositoryId, commitSha, path, line, cancellationToken), cancellationToken);
        return symbols.Count == 0 ? null : symbols[0];
    }

    public Task<IReadOnlyList<SymbolMatch>> FindSymbolsAsync(string repositoryId, string commitSha, string name, CancellationToken cancellationToken = default) =>
        _database.RunAsync(c => PostgresCodeReader.FindSymbolsAsync(c, repositoryId, commitSha, name, cancellationToken), cancellationToken);

    public Task<ChunkVectors> LoadVectorsAsync(string repositoryId, string commitSha, string model, CancellationToken cancellationToken = default) =>
        _database.RunAsync(c => PostgresCodeReader.LoadVectorsAsync(c, repositoryId, commitSha, model, cancellationToken), cancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
