using System.Text.Json;
using Culprit.Code;
using Culprit.Code.Index;
using Microsoft.Data.Sqlite;

namespace Culprit.Storage.Sqlite;

/// <summary>The code index queries; every one is scoped to one indexed commit through <c>commit_files</c>.</summary>
internal static class SqliteCodeReader
{
    private const string SymbolColumns =
        "s.kind, s.name, s.qualified_name, s.signature, s.doc, s.start_line, s.end_line, s.calls, p.qualified_name";

    private const string FileOfPath = """
        (SELECT f.id FROM code_files f
         JOIN commit_files cf ON cf.file_id = f.id AND cf.repository_id = $r AND cf.commit_sha = $c
         WHERE f.repository_id = $r AND f.path = $path)
        """;

    public static async Task<IReadOnlyDictionary<FileKey, long>> FindFilesAsync(SqliteConnection connection, string repositoryId, IReadOnlyCollection<FileKey> files, CancellationToken cancellationToken)
    {
        var found = new Dictionary<FileKey, long>();
        await using var find = SqliteCommands.Create(connection, "SELECT id FROM code_files WHERE repository_id = $r AND path = $p AND blob_sha = $b", ("$r", repositoryId), ("$p", ""), ("$b", ""));
        foreach (var key in files)
        {
            SqliteCommands.Set(find, "$p", key.Path);
            SqliteCommands.Set(find, "$b", key.BlobSha);
            if (await find.ExecuteScalarAsync(cancellationToken) is long id)
                found[key] = id;
        }

        return found;
    }

    public static async Task<(long Symbols, long Chunks)> CountContentsAsync(SqliteConnection connection, IReadOnlyCollection<long> fileIds, CancellationToken cancellationToken)
    {
        if (fileIds.Count == 0)
            return (0, 0);
        var ids = JsonSerializer.Serialize(fileIds.ToArray(), CodeIndexJsonContext.Default.Int64Array);
        var symbols = await SqliteCommands.ScalarAsync(
            connection, "SELECT count(*) FROM code_symbols WHERE file_id IN (SELECT value FROM json_each($ids))", cancellationToken, ("$ids", ids));
        var chunks = await SqliteCommands.ScalarAsync(
            connection, "SELECT count(*) FROM code_chunks WHERE file_id IN (SELECT value FROM json_each($ids))", cancellationToken, ("$ids", ids));
        return (symbols, chunks);
    }

    public static async Task<IReadOnlyDictionary<string, float[]>> FindEmbeddingsAsync(SqliteConnection connection, string model, IReadOnlyCollection<string> hashes, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (hashes.Count == 0)
            return found;
        await using var command = SqliteCommands.Create(
            connection,
            """
            SELECT content_hash, embedding FROM code_chunks
            WHERE model = $m AND embedding IS NOT NULL AND content_hash IN (SELECT value FROM json_each($hashes))
            """,
            ("$m", model),
            ("$hashes", JsonSerializer.Serialize(hashes.ToArray(), CodeIndexJsonContext.Default.StringArray)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var bytes = (byte[])reader.GetValue(1);
            var vector = new float[bytes.Length / sizeof(float)];
            if (EmbeddingBytes.TryRead(bytes, vector))
                found.TryAdd(reader.GetString(0), vector);
        }

        return found;
    }

    public static async Task<IReadOnlyList<IndexedCommit>> ListCommitsAsync(SqliteConnection connection, string repositoryId, CancellationToken cancellationToken)
    {
        await using var command = SqliteCommands.Create(
            connection,
            """
            SELECT commit_sha, indexed_at, embedder, file_count, symbol_count, chunk_count FROM indexed_commits
            WHERE repository_id = $r ORDER BY indexed_at DESC, commit_sha
            """,
            ("$r", repositoryId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var commits = new List<IndexedCommit>();
        while (await reader.ReadAsync(cancellationToken))
        {
            commits.Add(new IndexedCommit(
                reader.GetString(0), SqliteTime.FromMicros(reader.GetInt64(1)), SqliteCommands.NullableString(reader, 2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5)));
        }

        return commits;
    }

    public static async Task<IReadOnlyList<IndexedFile>> ListFilesAsync(SqliteConnection connection, string repositoryId, string commitSha, CancellationToken cancellationToken)
    {
        await using var command = SqliteCommands.Create(
            connection,
            """
            SELECT f.id, f.path, f.blob_sha, f.language FROM commit_files cf JOIN code_files f ON f.id = cf.file_id
            WHERE cf.repository_id = $r AND cf.commit_sha = $c ORDER BY f.path
            """,
            ("$r", repositoryId),
            ("$c", commitSha));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var files = new List<IndexedFile>();
        while (await reader.ReadAsync(cancellationToken))
            files.Add(new IndexedFile(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), SqliteCommands.NullableString(reader, 3)));
        return files;
    }

    public static async Task<IReadOnlyList<CodeSymbol>> SymbolsAsync(SqliteConnection connection, string repositoryId, string commitSha, string path, int? line, CancellationToken cancellationToken)
    {
        var where = line is null ? string.Empty : " AND s.start_line <= $line AND s.end_line >= $line";
        var order = line is null ? "s.start_line, s.end_line DESC, s.id" : "s.end_line - s.start_line, s.start_line DESC, s.id LIMIT 1";
        await using var command = SqliteCommands.Create(
            connection,
            $"""
            SELECT {SymbolColumns} FROM code_symbols s LEFT JOIN code_symbols p ON p.id = s.parent_id
            WHERE s.file_id = {FileOfPath}{where} ORDER BY {order}
            """,
            ("$r", repositoryId),
            ("$c", commitSha),
            ("$path", path),
            ("$line", line));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var symbols = new List<CodeSymbol>();
        while (await reader.ReadAsync(cancellationToken))
            symbols.Add(ReadSymbol(reader, 0));
        return symbols;
    }

    public static async Task<IReadOnlyList<SymbolMatch>> FindSymbolsAsync(SqliteConnection connection, string repositoryId, string commitSha, string name, CancellationToken cancellationToken)
    {
        await using var command = SqliteCommands.Create(
            connection,
            $"""
            SELECT f.path, {SymbolColumns} FROM code_symbols s
            JOIN commit_files cf ON cf.file_id = s.file_id AND cf.repository_id = $r AND cf.commit_sha = $c
            JOIN code_files f ON f.id = s.file_id
            LEFT JOIN code_symbols p ON p.id = s.parent_id
            WHERE s.name = $simple OR s.qualified_name = $name
            ORDER BY f.path, s.start_line, s.id
            """,
            ("$r", repositoryId),
            ("$c", commitSha),
            ("$simple", SymbolNames.Simple(name)),
            ("$name", name));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var matches = new List<SymbolMatch>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var symbol = ReadSymbol(reader, 1);
            if (SymbolNames.Matches(symbol, name))
                matches.Add(new SymbolMatch(reader.GetString(0), symbol));
        }

        return matches;
    }

    public static async Task<ChunkVectors> LoadVectorsAsync(SqliteConnection connection, string repositoryId, string commitSha, string model, CancellationToken cancellationToken)
    {
        await using var command = SqliteCommands.Create(
            connection,
            """
            SELECT c.id, f.path, c.start_line, c.end_line, s.qualified_name, s.kind, c.embedding
            FROM commit_files cf
            JOIN code_files f ON f.id = cf.file_id
            JOIN code_chunks c ON c.file_id = cf.file_id
            LEFT JOIN code_symbols s ON s.id = c.symbol_id
            WHERE cf.repository_id = $r AND cf.commit_sha = $c AND c.model = $m AND c.embedding IS NOT NULL
            ORDER BY cf.file_id, c.start_line, c.id
            """,
            ("$r", repositoryId),
            ("$c", commitSha),
            ("$m", model));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var builder = new ChunkVectorsBuilder();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new ChunkRow(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), SqliteCommands.NullableString(reader, 4), SqliteCommands.NullableString(reader, 5));
            builder.Add(row, (byte[])reader.GetValue(6));
        }

        return builder.Build(0);
    }

    private static CodeSymbol ReadSymbol(SqliteDataReader reader, int at) => new()
    {
        Kind = reader.GetString(at),
        Name = reader.GetString(at + 1),
        QualifiedName = reader.GetString(at + 2),
        Signature = SqliteCommands.NullableString(reader, at + 3),
        Doc = SqliteCommands.NullableString(reader, at + 4),
        StartLine = reader.GetInt32(at + 5),
        EndLine = reader.GetInt32(at + 6),
        Calls = JsonSerializer.Deserialize(reader.GetString(at + 7), CodeIndexJsonContext.Default.StringArray) ?? [],
        Parent = SqliteCommands.NullableString(reader, at + 8),
    };
}
