using Culprit.Code.Embeddings;
using Culprit.Code.Git;
using Culprit.Code.Index;
using Culprit.Code.Symbols;
using LibGit2Sharp;

namespace Culprit.IntegrationTests.Storage;

/// <summary>Content counts, and <see cref="CodeIndexer"/> indexing two commits of a real git repository into the store.</summary>
public abstract partial class CodeIndexStoreContract
{
    [Fact]
    public async Task ContentsAreCountedOverTheGivenFiles()
    {
        var store = await OpenAsync();
        var repo = await store.UpsertRepositoryAsync(RepoUrl, "shop");
        var ids = await store.StoreFilesAsync(repo, [Samples.Orders("b1"), Samples.Plain("run.py", "b2"), Samples.Generated("pkg/A.java", "b3", 5)]);

        Assert.Equal((4L + 0 + 5, 3L + 1 + 0), await store.CountContentsAsync(ids));
        Assert.Equal((5L, 0L), await store.CountContentsAsync([ids[2]]));
        Assert.Equal((0L, 0L), await store.CountContentsAsync([]));
    }

    [Fact]
    public async Task TheIndexerStoresACommitAndTheNextParsesOnlyWhatChanged()
    {
        var store = await OpenAsync();
        var folder = Directory.CreateTempSubdirectory("culprit-index-it-").FullName;
        try
        {
            string first, second;
            using (var git = new Repository(Repository.Init(folder)))
            {
                first = Commit(git, folder, ("src/Orders.cs", "namespace Shop;\npublic class Orders\n{\n    public int Total(int a)\n    {\n        return a + 1;\n    }\n}\n"),
                    ("app/tax.py", "def rate(country):\n    return 0.2\n"));
                second = Commit(git, folder, ("app/tax.py", "def rate(country):\n    return 0.2\n\n\ndef zero():\n    return 0\n"));
            }

            using var repository = GitRepository.Open(folder);
            var indexer = new CodeIndexer(store, new SymbolExtractor(), new HashingEmbedder());
            var one = await indexer.IndexAsync(repository, first);
            var two = await indexer.IndexAsync(repository, second);

            Assert.Equal((2, 0, 2), (one.Files, one.FilesReused, one.FilesParsed));
            Assert.Equal((2, 1, 1), (two.Files, two.FilesReused, two.FilesParsed));
            Assert.Equal((first, 1, 1), (two.NearestIndexedCommit, two.CommitsSinceNearest, two.FilesChangedSinceNearest));
            Assert.Equal(1, two.ChunksEmbedded); // `rate` kept its vector
            Assert.Equal(["rate", "zero"], (await store.GetSymbolsAsync(two.RepositoryId, second, "app/tax.py")).Select(s => s.Name));
            Assert.Equal(["rate"], (await store.GetSymbolsAsync(two.RepositoryId, first, "app/tax.py")).Select(s => s.Name));
            var commits = await store.ListCommitsAsync(two.RepositoryId);
            Assert.Equal([second, first], commits.Select(c => c.CommitSha));
            Assert.Equal((2, (int)two.Symbols, (int)two.Chunks, "hashing-512"), (commits[0].FileCount, commits[0].SymbolCount, commits[0].ChunkCount, commits[0].Embedder));
            Assert.Equal(two.Chunks, (await store.LoadVectorsAsync(two.RepositoryId, second, "hashing-512")).Count);
        }
        finally
        {
            DeleteFolder(folder);
        }
    }

    private static string Commit(Repository git, string folder, params (string Path, string Text)[] files)
    {
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
            Commands.Stage(git, path);
        }

        var when = T0.AddHours(git.Commits.Count());
        var signature = new Signature("Ada", "ada@example.com", when);
        return git.Commit("change", signature, signature).Sha;
    }

    private static void DeleteFolder(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            File.SetAttributes(file, FileAttributes.Normal);
        Directory.Delete(folder, recursive: true);
    }
}
