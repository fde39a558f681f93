using Culprit.Code;
using Culprit.Code.Index;
using Npgsql;

namespace Culprit.Storage.Postgres;

/// <summary>The code index queries; every one is scoped to one indexed commit through <c>commit_files</c>.</summary>
internal static class PostgresCodeReader
{
    private const string SymbolColumns =
        "s.kind, s.name, s.qualified_name, s.signature, s.doc, s.start_line, s.end_line, s.calls, p.qualified_name";

    private const string FileOfPath = """
        (SELECT f.id FROM code_files f
         JOIN commit_files cf ON cf.file_id = f.id AND cf.repository_id = $1 AND cf.commit_sha = $2
         WHERE f.repository_id = $1 AND f.path = $3)
        """;

    public static async Task<IReadOnlyDictionary<FileKey, long>> FindFilesAsync(NpgsqlConnection connection, string repositoryId, IReadOnlyCollection<FileKey> files, CancellationToken cancellationToken)
    {
        var found = new Dictionary<FileKey, long>();
        if (files.Count == 0)
            return found;
        await using var command = new NpgsqlCommand(
            """
            SELECT f.id, f.path, f.blob_sha FROM unnest($2, $3) AS k (p, b)
            JOIN code_files f ON f.repository_id = $1 AND f.path = k.p AND f.blob_sha = k.b
            """,
            connection)
        {
            Parameters =
            {
                PgParameters.Text(repositoryId),
                PgParameters.TextArray(files.Select(f => f.Path).ToArray()),
                PgParameters.TextArray(files.Select(f => f.BlobSha).ToArray()),
            },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            found[new FileKey(reader.GetString(1), reader.GetString(2))] = reader.GetInt64(0);
        return found;
    }

    public static async Task<(long Symbols, long Chunks)> CountContentsAsync(NpgsqlConnection connection, IReadOnlyCollection<long> fileIds, CancellationToken cancellationToken)
    {
        if (fileIds.Count == 0)
            return (0, 0);
        await using var command = new NpgsqlCommand(
            """
            SELECT (SELECT count(*) FROM code_symbols WHERE file_id = ANY ($1)), (SELECT count(*) FROM code_chunks WHERE file_id = ANY ($1))
            """,
            connection)
        {
            Parameters = { PgParameters.BigintArray(fileIds.ToArray()) },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public static async Task<IReadOnlyDictionary<string, float[]>> FindEmbeddingsAsync(NpgsqlConnection connection, string model, IReadOnlyCollection<string> hashes, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (hashes.Count == 0)
            return found;
        await using var command = new NpgsqlCommand(
            "SELECT content_hash, embedding FROM code_chunks WHERE model = $1 AND embedding IS NOT NULL AND content_hash = ANY($2)", connection)
        {
            Parameters = { PgParameters.Text(model), PgParameters.TextArray(hashes.ToArray()) },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var bytes = reader.GetFieldValue<byte[]>(1);
            var vector = new float[bytes.Length / sizeof(float)];
            if (EmbeddingBytes.TryRead(bytes, vector))
                found.TryAdd(reader.GetString(0), vector);
        }

        return found;
    }

    public static async Task<IReadOnlyList<IndexedCommit>> ListCommitsAsync(NpgsqlConnection connection, string repositoryId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT commit_sha, indexed_at, embedder, file_count, symbol_count, chunk_count FROM indexed_commits
            WHERE repository_id = $1 ORDER BY indexed_at DESC, commit_sha COLLATE "C"
            """,
            connection)
        {
            Parameters = { PgParameters.Text(repositoryId) },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var commits = new List<IndexedCommit>();
        while (await reader.ReadAsync(cancellationToken))
        {
            commits.Add(new IndexedCommit(
                reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5)));
        }

        return commits;
    }

    public static async Task<IReadOnlyList<IndexedFile>> ListFilesAsync(NpgsqlConnection connection, string repositoryId, string commitSha, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT f.id, f.path, f.blob_sha, f.language FROM commit_files cf JOIN code_files f ON f.id = cf.file_id
            WHERE cf.repository_id = $1 AND cf.commit_sha = $2 ORDER BY f.path COLLATE "C"
            """,
            connection)
        {
            Parameters = { PgParameters.Text(repositoryId), PgParameters.Text(commitSha) },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var files = new List<IndexedFile>();
        while (await reader.ReadAsync(cancellationToken))
            files.Add(new IndexedFile(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        return files;
    }

    public static async Task<IReadOnlyList<CodeSymbol>> SymbolsAsync(NpgsqlConnection connection, string repositoryId, string commitSha, string path, int? line, CancellationToken cancellationToken)
    {
        var where = line is null ? string.Empty : " AND s.start_line <= $4 AND s.end_line >= $4";
        var order = line is null ? "s.start_line, s.end_line DESC, s.id" : "s.end_line - s.start_line, s.start_line DESC, s.id LIMIT 1";
        await using var command = new NpgsqlCommand(
            $"""
            SELECT {SymbolColumns} FROM code_symbols s LEFT JOIN code_symbols p ON p.id = s.parent_id
            WHERE s.file_id = {FileOfPath}{where} ORDER BY {order}
            """,
            connection)
        {
            Parameters = { PgParameters.Text(repositoryId), PgParameters.Text(commitSha), PgParameters.Text(path) },
        };
        if (line is { } at)
            command.Parameters.Add(PgParameters.Integer(at));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var symbols = new List<CodeSymbol>();
        while (await reader.ReadAsync(cancellationToken))
            symbols.Add(ReadSymbol(reader, 0));
        return symbols;
    }

    public static async Task<IReadOnlyList<SymbolMatch>> FindSymbolsAsync(NpgsqlConnection connection, string repositoryId, string commitSha, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            SELECT f.path, {SymbolColumns} FROM code_symbols s
            JOIN commit_files cf ON cf.file_id = s.file_id AND cf.repository_id = $1 AND cf.commit_sha = $2
            JOIN code_files f ON f.id = s.file_id
            LEFT JOIN code_symbols p ON p.id = s.parent_id
            WHERE s.name = $3 OR s.qualified_name = $4
            ORDER BY f.path COLLATE "C", s.start_line, s.id
            """,
            connection)
        {
            Parameters = { PgParameters.Text(repositoryId), PgParameters.Text(commitSha), PgParameters.Text(SymbolNames.Simple(name)), PgParameters.Text(name) },
        };
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

    public static async Task<ChunkVectors> LoadVectorsAsync(NpgsqlConnection connection, string repositoryId, string commitSha, string model, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT c.id, f.path, c.start_line, c.end_line, s.qualified_name, s.kind, c.embedding
            FROM commit_files cf
            JOIN code_files f ON f.id = cf.file_id
            JOIN code_chunks c ON c.file_id = cf.file_id
            LEFT JOIN code_symbols s ON s.id = c.symbol_id
            WHERE cf.repository_id = $1 AND cf.commit_sha = $2 AND c.model = $3 AND c.embedding IS NOT NULL
            ORDER BY cf.file_id, c.start_line, c.id
            """,
            connection)
        {
            Parameters = { PgParameters.Text(repositoryId), PgParameters.Text(commitSha), PgParameters.Text(model) },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var builder = new ChunkVectorsBuilder();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new ChunkRow(
                reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5));
            builder.Add(row, reader.GetFieldValue<byte[]>(6));
        }

        return builder.Build(0);
    }

    private static CodeSymbol ReadSymbol(NpgsqlDataReader reader, int at) => new()
    {
        Kind = reader.GetString(at),
        Name = reader.GetString(at + 1),
        QualifiedName = reader.GetString(at + 2),
        Signature = reader.IsDBNull(at + 3) ? null : reader.GetString(at + 3),
        Doc = reader.IsDBNull(at + 4) ? null : reader.GetString(at + 4),
        StartLine = reader.GetInt32(at + 5),
        EndLine = reader.GetInt32(at + 6),
        Calls = reader.GetFieldValue<string[]>(at + 7),
        Parent = reader.IsDBNull(at + 8) ? null : reader.GetString(at + 8),
    };
}
