using Culprit.Code;
using Culprit.Code.Index;
using Npgsql;
using NpgsqlTypes;

namespace Culprit.Storage.Postgres;

/// <summary>
/// Writes the code index. A batch of files is one transaction: the new file versions in one multi-row insert,
/// symbol ids reserved from the identity sequence in one query, then symbols and chunks each in one binary COPY.
/// A file version another process stored meanwhile is taken as it is.
/// </summary>
internal static class PostgresCodeWriter
{
    public static async Task<string> UpsertRepositoryAsync(NpgsqlConnection connection, string id, string location, string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockRepositories = new NpgsqlCommand("LOCK TABLE repositories IN SHARE ROW EXCLUSIVE MODE", connection, transaction))
            await lockRepositories.ExecuteNonQueryAsync(cancellationToken);
        await using var owner = new NpgsqlCommand("SELECT id FROM repositories WHERE name = $1", connection, transaction) { Parameters = { PgParameters.Text(name) } };
        var taken = await owner.ExecuteScalarAsync(cancellationToken) as string;
        var stored = taken is null || taken == id ? name : $"{name} ({id[..8]})";
        await using var upsert = new NpgsqlCommand(
            "INSERT INTO repositories (id, name, url, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO UPDATE SET name = excluded.name, url = excluded.url",
            connection,
            transaction)
        {
            Parameters = { PgParameters.Text(id), PgParameters.Text(stored), PgParameters.Text(location), PgParameters.Time(now) },
        };
        await upsert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    public static async Task<IReadOnlyList<long>> StoreFilesAsync(NpgsqlConnection connection, string repositoryId, IReadOnlyList<FileIndex> files, CancellationToken cancellationToken)
    {
        var ids = new long[files.Count];
        if (files.Count == 0)
            return ids;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = await InsertFilesAsync(connection, transaction, repositoryId, files, cancellationToken);
        var existing = await PostgresCodeReader.FindFilesAsync(connection, repositoryId, files.Select(f => f.Key).ToArray(), cancellationToken);
        var fresh = new List<(FileIndex File, long Id)>();
        for (var i = 0; i < files.Count; i++)
        {
            ids[i] = existing[files[i].Key];
            if (inserted.Remove(files[i].Key))
                fresh.Add((files[i], ids[i]));
        }

        var symbolCount = fresh.Sum(f => f.File.Symbols.Count);
        var symbolIds = await ReserveSymbolIdsAsync(connection, transaction, symbolCount, cancellationToken);
        var perFile = await CopySymbolsAsync(connection, fresh, symbolIds, cancellationToken);
        await CopyChunksAsync(connection, fresh, perFile, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ids;
    }

    public static async Task RecordCommitAsync(NpgsqlConnection connection, string repositoryId, IndexedCommit commit, IReadOnlyCollection<long> fileIds, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("DELETE FROM indexed_commits WHERE repository_id = $1 AND commit_sha = $2")
                {
                    Parameters = { PgParameters.Text(repositoryId), PgParameters.Text(commit.CommitSha) },
                },
                new NpgsqlBatchCommand(
                    "INSERT INTO indexed_commits (repository_id, commit_sha, indexed_at, embedder, file_count, symbol_count, chunk_count) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                {
                    Parameters =
                    {
                        PgParameters.Text(repositoryId), PgParameters.Text(commit.CommitSha), PgParameters.Time(commit.IndexedAt), PgParameters.Text(commit.Embedder),
                        PgParameters.Integer(commit.FileCount), PgParameters.Integer(commit.SymbolCount), PgParameters.Integer(commit.ChunkCount),
                    },
                },
                new NpgsqlBatchCommand(
                    "INSERT INTO commit_files (repository_id, commit_sha, file_id) SELECT DISTINCT $1, $2, f FROM unnest($3) AS f")
                {
                    Parameters = { PgParameters.Text(repositoryId), PgParameters.Text(commit.CommitSha), PgParameters.BigintArray(fileIds.ToArray()) },
                },
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Inserts the versions not stored yet; returns the keys this transaction inserted.</summary>
    private static async Task<HashSet<FileKey>> InsertFilesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string repositoryId, IReadOnlyList<FileIndex> files, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO code_files (repository_id, path, blob_sha, language, size_bytes)
            SELECT $1, p, b, l, s FROM unnest($2, $3, $4, $5) AS t (p, b, l, s)
            ON CONFLICT (repository_id, path, blob_sha) DO NOTHING
            RETURNING path, blob_sha
            """,
            connection,
            transaction)
        {
            Parameters =
            {
                PgParameters.Text(repositoryId),
                PgParameters.TextArray(files.Select(f => f.Path).ToArray()),
                PgParameters.TextArray(files.Select(f => f.BlobSha).ToArray()),
                PgParameters.TextArray(files.Select(f => f.Language).ToArray()),
                PgParameters.BigintArray(files.Select(f => f.Size).ToArray()),
            },
        };
        var inserted = new HashSet<FileKey>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            inserted.Add(new FileKey(reader.GetString(0), reader.GetString(1)));
        return inserted;
    }

    private static async Task<long[]> ReserveSymbolIdsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int count, CancellationToken cancellationToken)
    {
        var ids = new long[count];
        if (count == 0)
            return ids;
        await using var command = new NpgsqlCommand(
            "SELECT nextval(pg_get_serial_sequence('code_symbols', 'id')) FROM generate_series(1, $1)", connection, transaction)
        {
            Parameters = { PgParameters.Integer(count) },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; await reader.ReadAsync(cancellationToken); i++)
            ids[i] = reader.GetInt64(0);
        return ids;
    }

    /// <summary>COPYs every symbol (ids given, parents first); returns each file's symbol ids by symbol index.</summary>
    private static async Task<List<long[]>> CopySymbolsAsync(NpgsqlConnection connection, List<(FileIndex File, long Id)> files, long[] reserved, CancellationToken cancellationToken)
    {
        var perFile = new List<long[]>(files.Count);
        var next = 0;
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY code_symbols (id, file_id, parent_id, kind, name, qualified_name, signature, doc, start_line, end_line, calls) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var (file, fileId) in files)
        {
            var ids = reserved.AsSpan(next, file.Symbols.Count).ToArray();
            next += ids.Length;
            perFile.Add(ids);
            var tree = SymbolTree.Of(file.Symbols);
            foreach (var i in tree.Order)
            {
                var symbol = file.Symbols[i];
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(ids[i], NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(fileId, NpgsqlDbType.Bigint, cancellationToken);
                await WriteNullableAsync<long>(copy, tree.Parents[i] >= 0 ? ids[tree.Parents[i]] : null, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(symbol.Kind, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(symbol.Name, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(symbol.QualifiedName, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(copy, symbol.Signature, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(copy, symbol.Doc, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(symbol.StartLine, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(symbol.EndLine, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(symbol.Calls.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            }
        }

        await copy.CompleteAsync(cancellationToken);
        return perFile;
    }

    private static async Task CopyChunksAsync(NpgsqlConnection connection, List<(FileIndex File, long Id)> files, List<long[]> symbolIds, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY code_chunks (file_id, symbol_id, start_line, end_line, content_hash, content, model, dimensions, embedding) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        for (var f = 0; f < files.Count; f++)
        {
            var (file, fileId) = files[f];
            var ids = symbolIds[f];
            foreach (var chunk in file.Chunks)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(fileId, NpgsqlDbType.Bigint, cancellationToken);
                await WriteNullableAsync<long>(copy, chunk.SymbolIndex is { } s && s >= 0 && s < ids.Length ? ids[s] : null, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(chunk.StartLine, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(chunk.EndLine, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(chunk.ContentHash, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(chunk.Content, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(copy, chunk.Embedding is null ? null : chunk.Model, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync<int>(copy, chunk.Embedding?.Length, NpgsqlDbType.Integer, cancellationToken);
                await WriteNullableAsync(copy, chunk.Embedding is null ? null : EmbeddingBytes.From(chunk.Embedding), NpgsqlDbType.Bytea, cancellationToken);
            }
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : class =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, type, cancellationToken);

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } present ? copy.WriteAsync(present, type, cancellationToken) : copy.WriteNullAsync(cancellationToken);
}
