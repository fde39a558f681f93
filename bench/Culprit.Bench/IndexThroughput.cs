using System.Diagnostics;
using System.Globalization;
using Culprit.Code.Embeddings;
using Culprit.Code.Git;
using Culprit.Code.Index;
using Culprit.Code.Symbols;
using Culprit.Storage;
using Culprit.Storage.Sqlite;
using LibGit2Sharp;

namespace Culprit.Bench;

/// <summary>
/// <c>culprit index</c> end to end on a generated repository (<see cref="SyntheticRepo"/>: C#, Java, Python,
/// TypeScript in equal shares) committed with LibGit2Sharp, into a fresh SQLite store: the whole commit without
/// vectors (parse figures), then 20 files changed in a new commit and re-indexed (the incremental figure), then a
/// smaller repository with the hashing embedder (chunks/s).
/// Usage: index [--files 20000] [--functions 10] [--changed 20] [--embed-files 2000]
/// </summary>
public static class IndexThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        var files = IntOption(args, "--files", 20_000);
        var functions = IntOption(args, "--functions", 10);
        var changed = IntOption(args, "--changed", 20);
        var embedFiles = IntOption(args, "--embed-files", 2_000);
        var root = Path.Combine(Path.GetTempPath(), "culprit-index-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores; {files:N0} files x {functions} functions"));
            var (repoFolder, first) = Generate(Path.Combine(root, "repo"), files, functions);
            await using var store = await OpenStoreAsync(Path.Combine(root, "data"));
            using var repository = GitRepository.Open(repoFolder);

            var full = await new CodeIndexer(store, new SymbolExtractor()).IndexAsync(repository, first);
            Print("full, --embedder none", full);
            await PerLanguageAsync(store, full);
            var functionsParsed = (long)full.FilesParsed * functions;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  parse: {full.FilesParsed / full.Timings.Parse.TotalSeconds:N0} files/s, {functionsParsed / full.Timings.Parse.TotalSeconds:N0} functions/s ({functionsParsed:N0} functions)"));

            var next = Change(repoFolder, changed);
            var clock = Stopwatch.StartNew();
            var incremental = await new CodeIndexer(store, new SymbolExtractor()).IndexAsync(repository, next);
            var wall = clock.Elapsed.TotalSeconds;
            Print($"incremental after {changed} changed files", incremental);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  incremental re-index: {wall:N2} s wall"));

            var (smallFolder, smallCommit) = Generate(Path.Combine(root, "small"), embedFiles, functions);
            using var small = GitRepository.Open(smallFolder);
            var hashing = await new CodeIndexer(store, new SymbolExtractor(), new HashingEmbedder()).IndexAsync(small, smallCommit);
            Print($"{embedFiles:N0} files, --embedder hashing", hashing);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  embed: {hashing.ChunksEmbedded / hashing.Timings.Embed.TotalSeconds:N0} chunks/s ({hashing.ChunksEmbedded:N0} chunks)"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(root))
            {
                foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
                    File.SetAttributes(file, FileAttributes.Normal);
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static (string Folder, string Commit) Generate(string folder, int files, int functions)
    {
        var clock = Stopwatch.StartNew();
        SyntheticRepo.Write(folder, files, functions, seed: 1);
        Repository.Init(folder);
        using var git = new Repository(folder);
        Commands.Stage(git, "*");
        var signature = new Signature("Bench", "bench@example.com", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var sha = git.Commit("generated", signature, signature).Sha;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated and committed {files:N0} files in {clock.Elapsed.TotalSeconds:N1} s"));
        return (folder, sha);
    }

    /// <summary>Changes one function body in each of <paramref name="count"/> files spread over the repository, and commits.</summary>
    private static string Change(string folder, int count)
    {
        using var git = new Repository(folder);
        var paths = git.Index.Select(e => e.Path).Order(StringComparer.Ordinal).ToList();
        var step = Math.Max(1, paths.Count / count);
        for (var i = 0; i < count && i * step < paths.Count; i++)
        {
            var full = Path.Combine(folder, paths[i * step]);
            var text = File.ReadAllText(full);
            var at = text.IndexOf("return ", StringComparison.Ordinal);
            File.WriteAllText(full, text[..at] + "return 1 + " + text[(at + 7)..]);
            Commands.Stage(git, paths[i * step]);
        }

        var signature = new Signature("Bench", "bench@example.com", new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero));
        return git.Commit("change", signature, signature).Sha;
    }

    private static async Task<ICodeIndexStore> OpenStoreAsync(string data)
    {
        Directory.CreateDirectory(data);
        var path = Path.Combine(data, "incidents.db");
        await using (var incidents = new SqliteIncidentStore(path))
            await incidents.MigrateAsync();
        return new SqliteCodeIndexStore(path);
    }

    /// <summary>Functions found per language in the first file of each, against the generated count.</summary>
    private static async Task PerLanguageAsync(ICodeIndexStore store, IndexResult result)
    {
        var files = await store.ListFilesAsync(result.RepositoryId, result.Commit);
        foreach (var file in files.GroupBy(f => f.Language).Select(g => g.First()))
        {
            var symbols = await store.GetSymbolsAsync(result.RepositoryId, result.Commit, file.Path);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {file.Language,-10} {file.Path}: {symbols.Count(s => Code.SymbolKinds.IsCallable(s.Kind))} functions, {symbols.Count} symbols"));
        }
    }

    private static void Print(string title, IndexResult r)
    {
        var t = r.Timings;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{title}: {r.Files:N0} files ({r.FilesReused:N0} reused, {r.FilesParsed:N0} parsed), {r.Symbols:N0} symbols, {r.Chunks:N0} chunks ({r.ChunksEmbedded:N0} embedded)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  seconds: list {t.List.TotalSeconds:N2}, parse {t.Parse.TotalSeconds:N2}, chunk {t.Chunk.TotalSeconds:N2}, embed {t.Embed.TotalSeconds:N2}, store {t.Store.TotalSeconds:N2}, total {t.Total.TotalSeconds:N2}"));
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
