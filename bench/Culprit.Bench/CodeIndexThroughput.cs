using System.Diagnostics;
using System.Globalization;
using Culprit.Code.Embeddings;
using Culprit.Code.Index;
using Culprit.Storage;
using Culprit.Storage.Postgres;
using Culprit.Storage.Sqlite;

namespace Culprit.Bench;

/// <summary>
/// Symbols per second stored in the code index (files of 20 generated methods, a chunk per method with a
/// hashing-384 vector), then the time to load the commit's vectors and search them.
/// Usage: codeindex [--symbols 200000] [--backend sqlite|postgres] [--postgres CONNECTION] [--batch 500] [--no-chunks]
/// </summary>
public static class CodeIndexThroughput
{
    public static async Task<int> MainAsync(string[] args)
    {
        var symbols = 200_000;
        var backend = "sqlite";
        var postgres = "Host=127.0.0.1;Username=postgres;Password=postgres;Database=culprit_bench_code";
        var batch = 500;
        var chunks = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--symbols": symbols = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--backend": backend = args[++i]; break;
                case "--postgres": postgres = args[++i]; break;
                case "--batch": batch = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--no-chunks": chunks = false; break;
                default:
                    Console.Error.WriteLine("usage: codeindex [--symbols N] [--backend sqlite|postgres] [--postgres CONNECTION] [--batch FILES] [--no-chunks]");
                    return 2;
            }
        }

        var files = Files(symbols, chunks);
        var path = Path.Combine(Path.GetTempPath(), "culprit-bench", "code.db");
        ICodeIndexStore store;
        if (backend == "postgres")
        {
            await using (var incidents = new PostgresIncidentStore(postgres))
                await incidents.MigrateAsync();
            store = new PostgresCodeIndexStore(postgres);
        }
        else
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                File.Delete(file);
            await using (var incidents = new SqliteIncidentStore(path))
                await incidents.MigrateAsync();
            store = new SqliteCodeIndexStore(path);
        }

        await using (store)
        {
            var repo = await store.UpsertRepositoryAsync($"/bench/{Guid.NewGuid():N}", $"bench-{Guid.NewGuid():N}");
            var stored = files.Sum(f => f.Symbols.Count);
            var ids = new List<long>();
            var watch = Stopwatch.StartNew();
            for (var at = 0; at < files.Count; at += batch)
                ids.AddRange(await store.StoreFilesAsync(repo, files.GetRange(at, Math.Min(batch, files.Count - at))));
            var commit = new string('a', 40);
            await store.RecordCommitAsync(repo, new IndexedCommit(commit, DateTimeOffset.UnixEpoch, "hashing-384", files.Count, stored, stored), ids);
            watch.Stop();
            var chunkCount = files.Sum(f => f.Chunks.Count);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{backend}: {stored:N0} symbols + {chunkCount:N0} chunks (384-dim vectors) in {files.Count:N0} files: {watch.Elapsed.TotalSeconds:N2} s = {stored / watch.Elapsed.TotalSeconds:N0} symbols/s"));

            if (chunkCount == 0)
                return 0;
            var load = Stopwatch.StartNew();
            var vectors = await store.LoadVectorsAsync(repo, commit, "hashing-384");
            load.Stop();
            var index = new VectorIndex(vectors);
            var query = new HashingEmbedder(384).Embed(["validate the payment of a customer"])[0];
            var search = Stopwatch.StartNew();
            var hits = index.Search(query, 10);
            search.Stop();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"load {vectors.Count:N0} vectors: {load.Elapsed.TotalMilliseconds:N0} ms; exact top-10 search: {search.Elapsed.TotalMilliseconds:N1} ms (best: {hits[0].Chunk.QualifiedName} {hits[0].Score:N3})"));
        }

        if (backend != "postgres")
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"file: {new FileInfo(path).Length / 1048576.0:N0} MB"));
        return 0;
    }

    private static List<FileIndex> Files(int symbols, bool withChunks)
    {
        var generator = new CodeGenerator(11);
        var chunker = new CodeChunker();
        var embedder = new HashingEmbedder(384);
        var files = new List<FileIndex>();
        var made = 0;
        while (made < symbols)
        {
            var name = $"Service{files.Count}";
            var path = $"src/Services/{name}.cs";
            var (text, fileSymbols) = generator.File(name, Math.Clamp(symbols - made - 1, 1, 20));
            var chunks = withChunks ? chunker.Chunk(path, text, fileSymbols).Where(c => c.SymbolIndex > 0).ToArray() : [];
            var vectors = embedder.Embed(chunks.Select(c => c.Document).ToArray());
            for (var c = 0; c < chunks.Length; c++)
                chunks[c] = chunks[c] with { Embedding = vectors[c], Model = embedder.Name };
            files.Add(new FileIndex(path, $"{files.Count:x40}", "csharp", text.Length, fileSymbols, chunks));
            made += fileSymbols.Count;
        }

        return files;
    }
}
