using System.Text.Json;
using Culprit.Code;
using Culprit.Code.Index;
using Microsoft.Data.Sqlite;

namespace Culprit.Storage.Sqlite;

/// <summary>
/// Writes the code index. A batch of files is one <c>BEGIN IMMEDIATE</c> transaction with three prepared
/// commands reused for every row; symbol ids are assigned here (max + 1, under the write lock) so that children
/// can point at parents without a round trip per symbol.
/// </summary>
internal static class SqliteCodeWriter
{
    public static async Task<string> UpsertRepositoryAsync(SqliteConnection connection, string id, string location, string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await SqliteWriteTransaction.BeginAsync(connection, cancellationToken);
        var stored = await UniqueNameAsync(connection, id, name, cancellationToken);
        await SqliteCommands.ExecuteAsync(
            connection,
            """
            INSERT INTO repositories (id, name, url, created_at) VALUES ($id, $name, $url, $at)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, url = excluded.url
            """,
            cancellationToken,
            ("$id", id),
            ("$name", stored),
            ("$url", location),
            ("$at", SqliteTime.ToMicros(now)));
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    public static async Task<IReadOnlyList<long>> StoreFilesAsync(SqliteConnection connection, string repositoryId, IReadOnlyList<FileIndex> files, CancellationToken cancellationToken)
    {
        var ids = new long[files.Count];
        await using var transaction = await SqliteWriteTransaction.BeginAsync(connection, cancellationToken);
        await using var find = SqliteCommands.Create(connection, "SELECT id FROM code_files WHERE repository_id = $r AND path = $p AND blob_sha = $b", ("$r", repositoryId), ("$p", ""), ("$b", ""));
        await using var insertFile = SqliteCommands.Create(
            connection,
            "INSERT INTO code_files (repository_id, path, blob_sha, language, size_bytes) VALUES ($r, $p, $b, $l, $s) RETURNING id",
            ("$r", repositoryId), ("$p", ""), ("$b", ""), ("$l", null), ("$s", 0L));
        await using var insertSymbol = SqliteCommands.Create(
            connection,
            """
            INSERT INTO code_symbols (id, file_id, parent_id, kind, name, qualified_name, signature, doc, start_line, end_line, calls)
            VALUES ($id, $f, $parent, $kind, $name, $qn, $sig, $doc, $start, $end, $calls)
            """,
            ("$id", 0L), ("$f", 0L), ("$parent", null), ("$kind", ""), ("$name", ""), ("$qn", ""), ("$sig", null), ("$doc", null), ("$start", 0), ("$end", 0), ("$calls", "[]"));
        await using var insertChunk = SqliteCommands.Create(
            connection,
            """
            INSERT INTO code_chunks (file_id, symbol_id, start_line, end_line, content_hash, content, model, dimensions, embedding)
            VALUES ($f, $s, $start, $end, $hash, $content, $model, $dims, $vector)
            """,
            ("$f", 0L), ("$s", null), ("$start", 0), ("$end", 0), ("$hash", ""), ("$content", ""), ("$model", null), ("$dims", null), ("$vector", null));

        var nextSymbolId = await SqliteCommands.ScalarAsync(connection, "SELECT coalesce(max(id), 0) + 1 FROM code_symbols", cancellationToken);
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            SqliteCommands.Set(find, "$p", file.Path);
            SqliteCommands.Set(find, "$b", file.BlobSha);
            if (await find.ExecuteScalarAsync(cancellationToken) is long existing)
            {
                ids[i] = existing;
                continue;
            }

            SqliteCommands.Set(insertFile, "$p", file.Path);
            SqliteCommands.Set(insertFile, "$b", file.BlobSha);
            SqliteCommands.Set(insertFile, "$l", file.Language);
            SqliteCommands.Set(insertFile, "$s", file.Size);
            var fileId = (long)(await insertFile.ExecuteScalarAsync(cancellationToken))!;
            ids[i] = fileId;
            var symbolIds = await InsertSymbolsAsync(insertSymbol, fileId, file.Symbols, nextSymbolId, cancellationToken);
            nextSymbolId += file.Symbols.Count;
            await InsertChunksAsync(insertChunk, fileId, file.Chunks, symbolIds, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return ids;
    }

    public static async Task RecordCommitAsync(SqliteConnection connection, string repositoryId, IndexedCommit commit, IReadOnlyCollection<long> fileIds, CancellationToken cancellationToken)
    {
        await using var transaction = await SqliteWriteTransaction.BeginAsync(connection, cancellationToken);
        await SqliteCommands.ExecuteAsync(
            connection,
            "DELETE FROM indexed_commits WHERE repository_id = $r AND commit_sha = $c",
            cancellationToken,
            ("$r", repositoryId),
            ("$c", commit.CommitSha));
        await SqliteCommands.ExecuteAsync(
            connection,
            """
            INSERT INTO indexed_commits (repository_id, commit_sha, indexed_at, embedder, file_count, symbol_count, chunk_count)
            VALUES ($r, $c, $at, $e, $files, $symbols, $chunks)
            """,
            cancellationToken,
            ("$r", repositoryId),
            ("$c", commit.CommitSha),
            ("$at", SqliteTime.ToMicros(commit.IndexedAt)),
            ("$e", commit.Embedder),
            ("$files", commit.FileCount),
            ("$symbols", commit.SymbolCount),
            ("$chunks", commit.ChunkCount));
        await using var insert = SqliteCommands.Create(
            connection,
            "INSERT OR IGNORE INTO commit_files (repository_id, commit_sha, file_id) VALUES ($r, $c, $f)",
            ("$r", repositoryId),
            ("$c", commit.CommitSha),
            ("$f", 0L));
        foreach (var fileId in fileIds)
        {
            SqliteCommands.Set(insert, "$f", fileId);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<long[]> InsertSymbolsAsync(SqliteCommand insert, long fileId, IReadOnlyList<CodeSymbol> symbols, long firstId, CancellationToken cancellationToken)
    {
        var ids = new long[symbols.Count];
        for (var i = 0; i < ids.Length; i++)
            ids[i] = firstId + i;
        var tree = SymbolTree.Of(symbols);
        // Parameters by position (the order of the VALUES list): no name lookup per row.
        var p = insert.Parameters;
        p[1].Value = fileId;
        foreach (var i in tree.Order)
        {
            var symbol = symbols[i];
            p[0].Value = ids[i];
            p[2].Value = tree.Parents[i] >= 0 ? ids[tree.Parents[i]] : DBNull.Value;
            p[3].Value = symbol.Kind;
            p[4].Value = symbol.Name;
            p[5].Value = symbol.QualifiedName;
            p[6].Value = (object?)symbol.Signature ?? DBNull.Value;
            p[7].Value = (object?)symbol.Doc ?? DBNull.Value;
            p[8].Value = symbol.StartLine;
            p[9].Value = symbol.EndLine;
            p[10].Value = symbol.Calls.Count == 0 ? "[]" : JsonSerializer.Serialize(symbol.Calls.ToArray(), CodeIndexJsonContext.Default.StringArray);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        return ids;
    }

    private static async Task InsertChunksAsync(SqliteCommand insert, long fileId, IReadOnlyList<CodeChunk> chunks, long[] symbolIds, CancellationToken cancellationToken)
    {
        var p = insert.Parameters;
        p[0].Value = fileId;
        foreach (var chunk in chunks)
        {
            p[1].Value = chunk.SymbolIndex is { } s && s >= 0 && s < symbolIds.Length ? symbolIds[s] : DBNull.Value;
            p[2].Value = chunk.StartLine;
            p[3].Value = chunk.EndLine;
            p[4].Value = chunk.ContentHash;
            p[5].Value = chunk.Content;
            p[6].Value = chunk.Embedding is null ? DBNull.Value : (object?)chunk.Model ?? DBNull.Value;
            p[7].Value = chunk.Embedding is null ? DBNull.Value : chunk.Embedding.Length;
            p[8].Value = chunk.Embedding is null ? DBNull.Value : EmbeddingBytes.From(chunk.Embedding);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The display name, made unique with the id when another repository has it already.</summary>
    private static async Task<string> UniqueNameAsync(SqliteConnection connection, string id, string name, CancellationToken cancellationToken)
    {
        await using var command = SqliteCommands.Create(connection, "SELECT id FROM repositories WHERE name = $name", ("$name", name));
        var owner = await command.ExecuteScalarAsync(cancellationToken) as string;
        return owner is null || owner == id ? name : $"{name} ({id[..8]})";
    }
}
