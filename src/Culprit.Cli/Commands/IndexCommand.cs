using System.CommandLine;
using System.Globalization;
using Culprit.Cli.Output;
using Culprit.Code;
using Culprit.Code.Embeddings;
using Culprit.Code.Index;
using Culprit.Code.Symbols;

namespace Culprit.Cli.Commands;

/// <summary>
/// <c>culprit index --repo DIR|URL [--commit SHA|tag] [--embedder minilm|hashing|none] [--json]</c>: stores the files,
/// symbols, chunks and vectors of one commit in the data folder's code index.
/// </summary>
public static class IndexCommand
{
    public static Command Create(CliConsole console)
    {
        var repo = new Option<string?>("--repo") { Description = "The git repository: a local clone, or a URL cloned into the data folder's cache" };
        var commit = new Option<string?>("--commit") { Description = "The commit, tag or branch to index (default HEAD)" };
        var embedder = new Option<string>("--embedder")
        {
            Description = "Vectors for similar-code search: minilm (all-MiniLM-L6-v2, best, ~10–40 chunks/s on 2 cores), hashing (fast, offline) or none",
            DefaultValueFactory = _ => "minilm",
        };
        var json = new Option<bool>("--json") { Description = "Write the counts and timings as JSON" };
        var command = new Command("index", "Index a commit's code (files, symbols, chunks, embeddings) for frame mapping and root-cause analysis") { repo, commit, embedder, json };
        command.SetAction(async (parse, cancel) =>
        {
            var values = new IndexValues(
                parse.GetValue(repo) ?? throw new UsageException("index needs --repo: the repository to index"),
                parse.GetValue(commit) ?? "HEAD",
                parse.GetValue(embedder) ?? "minilm",
                parse.GetValue(json));
            return await RunAsync(console, values, GlobalOptions.Storage(parse), cancel);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, IndexValues values, Storage.StorageOptions storage, CancellationToken cancel)
    {
        var vectors = CreateEmbedder(values.Embedder);
        try
        {
            var warnings = new List<string>();
            using var repository = Open(values.Repo, storage.DataDirectory, warnings);
            string sha;
            try
            {
                sha = repository.ResolveCommit(values.Commit);
            }
            catch (CodeRepositoryException e)
            {
                throw new UsageException($"--commit: {e.Message}");
            }

            await using var stores = await CliStores.OpenAsync(storage, cancel);
            var extractor = new SymbolExtractor(new SymbolExtractorOptions { OnWarning = w => { lock (warnings) warnings.Add(w); } });
            var indexer = new CodeIndexer(stores.CodeIndex, extractor, vectors);
            var location = CodeRepositories.Location(values.Repo, repository);
            IndexResult result;
            try
            {
                result = console.IsInteractive
                    ? await IndexProgressView.RunAsync(p => indexer.IndexAsync(repository, sha, location, p, cancel))
                    : await indexer.IndexAsync(repository, sha, location, null, cancel);
            }
            catch (CodeRepositoryException e)
            {
                throw new InvalidOperationException(e.Message, e);
            }

            foreach (var warning in warnings.Concat(extractor.Warnings).Distinct(StringComparer.Ordinal))
                console.Error.WriteLine($"culprit: {warning}");
            if (values.Json)
                IndexJson.Write(console.Out, result);
            else
                WriteText(console.Out, result, stores.Description);
            return ExitCodes.Ok;
        }
        finally
        {
            (vectors as IDisposable)?.Dispose();
        }
    }

    private static IEmbedder? CreateEmbedder(string name)
    {
        if (name.Trim().Equals("none", StringComparison.OrdinalIgnoreCase))
            return null;
        return Embedders.TryCreate(name, out var embedder, out var error) ? embedder : throw new UsageException($"--embedder: {error} Or none.");
    }

    private static ICodeRepository Open(string repo, string dataDirectory, List<string> warnings)
    {
        try
        {
            return CodeRepositories.Open(repo, Path.Combine(dataDirectory, "cache"), warnings.Add);
        }
        catch (CodeRepositoryException e)
        {
            throw new UsageException($"--repo: {e.Message}");
        }
    }

    private static void WriteText(TextWriter w, IndexResult r, string store)
    {
        var c = CultureInfo.InvariantCulture;
        w.WriteLine(string.Create(c, $"Indexed {r.Commit[..12]} into {store}"));
        w.WriteLine(string.Create(c, $"  files    {r.Files:N0} ({r.FilesReused:N0} reused, {r.FilesParsed:N0} parsed, {r.FilesSkipped:N0} skipped; {r.TreeFiles:N0} in the tree)"));
        if (r.NearestIndexedCommit is { } nearest)
        {
            w.WriteLine(r.CommitsSinceNearest == 0
                ? "           already indexed: nothing changed"
                : string.Create(c, $"           {r.FilesChangedSinceNearest:N0} file(s) changed since indexed commit {nearest[..12]}, {r.CommitsSinceNearest:N0} commit(s) back"));
        }

        w.WriteLine(string.Create(c, $"  symbols  {r.Symbols:N0} ({r.SymbolsParsed:N0} from parsed files)"));
        var embedded = r.Embedder is null ? "no vectors" : $"{r.ChunksEmbedded:N0} embedded with {r.Embedder}";
        w.WriteLine(string.Create(c, $"  chunks   {r.Chunks:N0} ({r.ChunksMade:N0} made, {embedded})"));
        var t = r.Timings;
        w.WriteLine(string.Create(c,
            $"  seconds  list {t.List.TotalSeconds:0.00}, parse {t.Parse.TotalSeconds:0.00}, chunk {t.Chunk.TotalSeconds:0.00}, embed {t.Embed.TotalSeconds:0.00}, store {t.Store.TotalSeconds:0.00}; total {t.Total.TotalSeconds:0.00}"));
        if (r.FilesNotStored > 0)
            w.WriteLine(string.Create(c, $"  {r.FilesNotStored:N0} file(s) left out: their symbol extractor could not run (see the warning); index again once it can"));
        if (r.FilesWithNotes > r.FilesNotStored)
            w.WriteLine(string.Create(c, $"  {r.FilesWithNotes - r.FilesNotStored:N0} file(s) parsed with a note (a parse error): their symbols may be incomplete"));
    }

    private sealed record IndexValues(string Repo, string Commit, string Embedder, bool Json);
}
