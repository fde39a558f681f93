using System.Text.Json.Nodes;
using Culprit.Tests.Code.Git;
using Culprit.Tests.Support;

namespace Culprit.Tests.Cli;

/// <summary><c>culprit deploy record|list</c> on a temp store, with revisions resolved in a real repository.</summary>
public sealed class DeployCommandTests : IDisposable
{
    private const string Sha1 = "0123456789abcdef0123456789abcdef01234567";
    private readonly string _dir = Directory.CreateTempSubdirectory("culprit-deploy-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Data => Path.Combine(_dir, "data");

    private (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run([.. args, "--data", Data]);

    private JsonArray ListJson(params string[] filters)
    {
        var (code, stdout, stderr) = Run(["deploy", "list", "--json", .. filters]);
        Assert.True(code == 0, stderr);
        return JsonNode.Parse(stdout)!["deploys"]!.AsArray();
    }

    [Fact]
    public void RecordedDeploysAreListedNewestFirstAndFiltered()
    {
        var (code, stdout, stderr) = Run("deploy", "record", "--service", "api", "--env", "prod", "--version", "1.4.0", "--commit", Sha1.ToUpperInvariant(), "--at", "2026-03-01T10:15:00Z");
        Assert.True(code == 0, stderr);
        Assert.Equal($"Recorded api/prod 1.4.0 (commit {Sha1}) live since 2026-03-01T10:15:00.000Z.\n", stdout.ReplaceLineEndings("\n"));
        Assert.Equal(0, Run("deploy", "record", "--service", "api", "--env", "prod", "--version", "1.5.0", "--commit", Sha1, "--at", "2026-03-02T08:00:00+01:00").Code);
        Assert.Equal(0, Run("deploy", "record", "--service", "billing", "--env", "staging", "--version", "7", "--commit", Sha1, "--at", "2026-03-01T00:00:00Z").Code);

        var again = Run("deploy", "record", "--service", "api", "--env", "prod", "--version", "1.4.0", "--commit", Sha1, "--at", "2026-03-01T10:15:00Z");
        Assert.Equal(0, again.Code);
        Assert.Contains("was already recorded", again.Out, StringComparison.Ordinal);

        var all = ListJson();
        Assert.Equal(["1.5.0", "1.4.0", "7"], all.Select(d => d!["version"]!.GetValue<string>()));
        Assert.Equal("2026-03-02T07:00:00.000Z", all[0]!["deployed_at"]!.GetValue<string>());
        Assert.Equal(Sha1, all[1]!["commit_sha"]!.GetValue<string>());
        Assert.Equal("command", all[1]!["origin"]!.GetValue<string>());
        Assert.Equal(["7"], ListJson("--service", "billing").Select(d => d!["version"]!.GetValue<string>()));
        Assert.Equal(["1.5.0", "1.4.0"], ListJson("--env", "prod").Select(d => d!["version"]!.GetValue<string>()));

        var table = Run("deploy", "list", "--service", "api").Out.ReplaceLineEndings("\n").Split('\n');
        Assert.StartsWith("deployed at", table[0], StringComparison.Ordinal);
        Assert.Equal("2026-03-02T07:00:00.000Z  api               prod        1.5.0             0123456789ab  command", table[1]);
    }

    [Fact]
    public void ARepositoryResolvesTagsAndShortShas()
    {
        using var shop = new ShopRepository();

        Assert.Equal(0, Run("deploy", "record", "--service", "shop", "--env", "prod", "--version", "1.0", "--commit", "v1.0", "--repo", shop.Repo.Folder, "--at", "2026-03-01T00:00:00Z").Code);
        Assert.Equal(0, Run("deploy", "record", "--service", "shop", "--env", "prod", "--version", "1.1", "--commit", shop.Third[..8], "--repo", Path.Combine(shop.Repo.Folder, "src"), "--at", "2026-03-02T00:00:00Z").Code);

        Assert.Equal([shop.Third, shop.Logo], ListJson().Select(d => d!["commit_sha"]!.GetValue<string>()));
    }

    [Fact]
    public void BadInputIsUsageErrorsThatRecordNothing()
    {
        using var shop = new ShopRepository();
        var plain = Directory.CreateDirectory(Path.Combine(_dir, "plain")).FullName;
        string[] Record(string commit, params string[] more) => ["deploy", "record", "--service", "api", "--env", "prod", "--version", "1", "--commit", commit, .. more];

        var cases = new (string[] Args, string Message)[]
        {
            (Record(Sha1, "--at", "yesterday"), "culprit: --at: 'yesterday' is not an ISO-8601 time (for example 2026-03-01T10:15:00Z)"),
            (Record(Sha1, "--at", "2026-13-45T99:00:00Z"), "culprit: --at: '2026-13-45T99:00:00Z' is not an ISO-8601 time (for example 2026-03-01T10:15:00Z)"),
            (Record("v1.0"), "culprit: --commit: 'v1.0' is not a full 40-digit SHA; give the full SHA, or --repo DIR to resolve a short SHA, tag or branch"),
            (Record("v9.9", "--repo", shop.Repo.Folder), $"culprit: --commit: Unknown revision 'v9.9' in {shop.Repo.Folder}."),
            (Record("v1.0", "--repo", plain), $"culprit: --commit: '{plain}' is not a git repository (no .git found in it or in a parent folder)."),
        };
        foreach (var (args, message) in cases)
        {
            var (code, stdout, stderr) = Run(args);
            Assert.Equal(2, code);
            Assert.Equal("", stdout);
            Assert.Equal(message, stderr.ReplaceLineEndings("\n").TrimEnd('\n'));
        }

        var missing = Run("deploy", "record", "--service", "api", "--version", "1", "--commit", Sha1);
        Assert.Equal(2, missing.Code);
        Assert.Contains("--env", missing.Err, StringComparison.Ordinal);
        Assert.Empty(ListJson());
    }

    [Fact]
    public void AnEmptyListSaysHowToRecord()
    {
        var (code, stdout, _) = Run("deploy", "list");
        Assert.Equal(0, code);
        Assert.StartsWith("No deploys recorded.", stdout, StringComparison.Ordinal);
    }
}
