using System.Text.Json;
using Culprit.Tests.Code.Index;
using Culprit.Tests.Support;

namespace Culprit.Tests.Cli;

/// <summary><c>culprit index</c> end to end on a temp repository, and <c>rca</c> reading the index it wrote.</summary>
public sealed class IndexCommandTests : IDisposable
{
    private const string Trace = """
        2026-11-27 09:14:26.007 ERROR [exec-3] lib.Main - padding failed
        java.lang.NullPointerException: Cannot invoke "String.length()" because "text" is null
        	at lib.text.Strings.pad(Strings.java:5)
        	at lib.Main.main(Main.java:3)
        """;

    private readonly IndexedRepository _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void IndexPrintsFilesSymbolsChunksAndSecondsPerPhase()
    {
        var (code, stdout, stderr) = CliRunner.Run("index", "--repo", _fixture.Repo.Folder, "--commit", _fixture.C1, "--embedder", "hashing", "--data", _fixture.Data);

        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n');
        Assert.StartsWith($"Indexed {_fixture.C1[..12]} into {_fixture.DatabasePath}", lines[0], StringComparison.Ordinal);
        Assert.Equal("  files    4 (0 reused, 4 parsed, 2 skipped; 7 in the tree)", lines[1]);
        Assert.Matches(@"^  symbols  \d+ \(\d+ from parsed files\)$", lines[2]);
        Assert.Matches(@"^  chunks   \d+ \(\d+ made, \d+ embedded with hashing-512\)$", lines[3]);
        Assert.Matches(@"^  seconds  list \d+\.\d\d, parse \d+\.\d\d, chunk \d+\.\d\d, embed \d+\.\d\d, store \d+\.\d\d; total \d+\.\d\d$", lines[4]);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void JsonOfALaterCommitCountsReusedAndParsedFilesAndTheNearestIndexedCommit()
    {
        Assert.Equal(0, CliRunner.Run("index", "--repo", _fixture.Repo.Folder, "--commit", _fixture.C1, "--embedder", "none", "--data", _fixture.Data).Code);

        var (code, stdout, stderr) = CliRunner.Run("index", "--repo", _fixture.Repo.Folder, "--embedder", "none", "--json", "--data", _fixture.Data);

        Assert.True(code == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(_fixture.C3, json.GetProperty("commit").GetString());
        Assert.Equal(_fixture.C1, json.GetProperty("nearest_indexed_commit").GetString());
        Assert.Equal(3, json.GetProperty("commits_since_nearest").GetInt32());
        Assert.Equal(4, json.GetProperty("files_changed_since_nearest").GetInt32());
        var files = json.GetProperty("files");
        Assert.Equal((7, 4, 1, 3, 2), (files.GetProperty("tree").GetInt32(), files.GetProperty("indexed").GetInt32(), files.GetProperty("reused").GetInt32(),
            files.GetProperty("parsed").GetInt32(), files.GetProperty("skipped").GetInt32()));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("embedder").ValueKind);
        Assert.Equal(0, json.GetProperty("chunks").GetProperty("embedded").GetInt32());
        Assert.True(json.GetProperty("symbols").GetProperty("total").GetInt32() > json.GetProperty("symbols").GetProperty("parsed").GetInt32());
        foreach (var phase in new[] { "list", "parse", "chunk", "embed", "store", "total" })
            Assert.True(json.GetProperty("seconds").GetProperty(phase).GetDouble() >= 0);
    }

    [Fact]
    public void BadInputIsAUsageErrorWithAClearMessage()
    {
        var (code, _, stderr) = CliRunner.Run("index", "--data", _fixture.Data);
        Assert.Equal((2, "culprit: index needs --repo: the repository to index"), (code, stderr.Trim()));

        var missing = Path.Combine(Path.GetTempPath(), "culprit-no-such-repo-" + Guid.NewGuid().ToString("N"));
        (code, _, stderr) = CliRunner.Run("index", "--repo", missing, "--data", _fixture.Data);
        Assert.Equal(2, code);
        Assert.StartsWith("culprit: --repo: ", stderr, StringComparison.Ordinal);

        var notRepo = Directory.CreateTempSubdirectory("culprit-not-a-repo-").FullName;
        (code, _, stderr) = CliRunner.Run("index", "--repo", notRepo, "--data", _fixture.Data);
        Directory.Delete(notRepo);
        Assert.Equal(2, code);
        Assert.Contains("is not a git repository", stderr, StringComparison.Ordinal);

        (code, _, stderr) = CliRunner.Run("index", "--repo", _fixture.Repo.Folder, "--commit", "no-such-tag", "--data", _fixture.Data);
        Assert.Equal(2, code);
        Assert.StartsWith("culprit: --commit: ", stderr, StringComparison.Ordinal);
        Assert.Contains("no-such-tag", stderr, StringComparison.Ordinal);

        (code, _, stderr) = CliRunner.Run("index", "--repo", _fixture.Repo.Folder, "--embedder", "word2vec", "--data", _fixture.Data);
        Assert.Equal(2, code);
        Assert.StartsWith("culprit: --embedder: Unknown embedder 'word2vec'.", stderr, StringComparison.Ordinal);

        // Nothing was indexed by the failed runs.
        (code, var stdout, _) = CliRunner.Run("index", "--repo", _fixture.Repo.Folder, "--embedder", "none", "--json", "--data", _fixture.Data);
        Assert.Equal(0, code);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(stdout).RootElement.GetProperty("nearest_indexed_commit").ValueKind);
    }

    [Fact]
    public void RcaOfAnIndexedCommitAddsSimilarCodeFromTheIndex()
    {
        var trace = Path.Combine(_fixture.Data, "trace.log");
        File.WriteAllText(trace, Trace);
        var args = new[] { "rca", "--trace", trace, "--repo", _fixture.Repo.Folder, "--commit", _fixture.C3, "--json", "--data", _fixture.Data };

        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.True(code == 0, stderr);
        var before = Origins(stdout);
        Assert.False(File.Exists(_fixture.DatabasePath)); // rca --trace creates no store of its own

        Assert.Equal(0, CliRunner.Run("index", "--repo", _fixture.Repo.Folder, "--embedder", "hashing", "--data", _fixture.Data).Code);
        (code, stdout, stderr) = CliRunner.Run(args);
        Assert.True(code == 0, stderr);
        var after = Origins(stdout);

        Assert.Equal(["frame"], before);
        Assert.Equal("frame", after[0]);
        Assert.Contains("similar", after);
        var frame = JsonDocument.Parse(stdout).RootElement.GetProperty("code").GetProperty("frames")[0];
        Assert.Equal(("lib/text/Strings.java", "lib.Strings.pad"), (frame.GetProperty("repo_path").GetString(), frame.GetProperty("symbol").GetString()));
    }

    private static List<string> Origins(string json) =>
        [.. JsonDocument.Parse(json).RootElement.GetProperty("code").GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("origin").GetString()!)];
}
