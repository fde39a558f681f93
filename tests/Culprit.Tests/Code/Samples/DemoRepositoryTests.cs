using Culprit.Code.Samples;
using Culprit.Tests.Support;
using LibGit2Sharp;

namespace Culprit.Tests.Code.Samples;

/// <summary>The demo repository built from the shipped samples: tags, files at each deploy, the regression's diff.</summary>
public sealed class DemoRepositoryTests : IDisposable
{
    private static readonly FixedTimeProvider Clock = new(new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.Zero));

    private readonly string _root = Directory.CreateTempSubdirectory("culprit-demo-").FullName;

    private static string Samples => RepoPaths.Of("samples");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private DemoRepositoryInfo Build(string name = "repo") => DemoRepository.Build(Samples, Path.Combine(_root, name), Clock);

    [Fact]
    public void EveryDeployIsTaggedAndReturned()
    {
        var info = Build();

        using var repo = new Repository(info.Path);
        Assert.Equal(
            [
                "checkout-service-v3.7.2", "checkout-service-v3.8.0", "payments-api-v2.14.0", "payments-api-v2.14.1",
                "recommendations-v0.10.0", "recommendations-v0.9.4", "web-gateway-v1.22.0", "web-gateway-v1.23.0",
            ],
            repo.Tags.Select(t => t.FriendlyName).Order(StringComparer.Ordinal));
        Assert.Equal(["checkout-service", "payments-api", "recommendations", "web-gateway"], info.Services.Select(s => s.Service));
        Assert.All(info.Services, s => Assert.Equal("prod", s.Environment));
        Assert.All(info.Services, s => Assert.Equal(info.HeadSha, s.Current.CommitSha));
        Assert.Equal(info.HeadSha, repo.Head.Tip.Sha);
        Assert.Equal(13, repo.Commits.Count());
        Assert.Equal(Clock.GetUtcNow(), info.BuiltAt);

        var checkout = info.Services[0];
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero), checkout.Previous.DeployedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 6, 0, 0, TimeSpan.Zero), checkout.Current.DeployedAt);
        var previous = repo.Lookup<Commit>(checkout.Previous.CommitSha);
        Assert.Equal("checkout: tax by shipping country", previous.MessageShort);
        Assert.Equal("Dana Developer", previous.Author.Name);
        Assert.Equal("dana@shop.example", previous.Author.Email);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 8, 30, 0, TimeSpan.Zero), previous.Author.When);
        Assert.Equal(repo.Tags["checkout-service-v3.7.2"].Target.Sha, checkout.Previous.CommitSha);

        var payments = info.Services[1];
        Assert.Equal("2.14.1", payments.Current.Version);
        Assert.Equal(payments.Current.CommitSha, info.CommitFor("payments-api", "2.14.1"));
        Assert.Equal(payments.Previous.CommitSha, info.CommitFor("payments-api", "2.14.0"));
        Assert.Null(info.CommitFor("payments-api", "9.9.9"));
        Assert.Null(info.CommitFor("billing", "2.14.1"));
        Assert.Equal("payments: partial refunds and settlement in the merchant's currency",
            repo.Lookup<Commit>(payments.Previous.CommitSha).MessageShort);
    }

    [Fact]
    public void TheSameSamplesGiveTheSameCommitsOnEveryBuild()
    {
        var first = Build("one");
        var second = Build("two");

        Assert.Equal(first.HeadSha, second.HeadSha);
        // Fixed on every machine: changing any file under samples/src or samples/history changes it (update it then).
        Assert.Equal("c6e16445629e95d00730dd22f241561835048dfe", first.HeadSha);
        Assert.Equal(
            first.Services.Select(s => (s.Previous.CommitSha, s.Current.CommitSha)),
            second.Services.Select(s => (s.Previous.CommitSha, s.Current.CommitSha)));
    }

    [Fact]
    public void PreviousTagsHoldTheHistoryFilesAndCurrentTagsTheSources()
    {
        var info = Build();

        using var repo = new Repository(info.Path);
        var historyFiles = 0;
        foreach (var service in info.Services)
        {
            var previous = repo.Lookup<Commit>(service.Previous.CommitSha);
            var current = repo.Lookup<Commit>(service.Current.CommitSha);
            var src = Path.Combine(Samples, "src", service.Service);
            foreach (var file in Directory.EnumerateFiles(src, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(src, file).Replace('\\', '/');
                var older = Path.Combine(Samples, "history", service.Service, relative);
                if (File.Exists(older))
                    historyFiles++;
                Assert.Equal(File.ReadAllText(File.Exists(older) ? older : file), Text(previous, $"{service.Service}/{relative}"));
                Assert.Equal(File.ReadAllText(file), Text(current, $"{service.Service}/{relative}"));
            }
        }

        Assert.Equal(15, historyFiles);
        Assert.Equal(File.ReadAllText(Path.Combine(Samples, "src", "web-gateway", "src", "cart", "total.js")),
            File.ReadAllText(Path.Combine(info.Path, "web-gateway", "src", "cart", "total.js")));
    }

    [Fact]
    public void TheCheckoutDiffBetweenDeploysRemovesTheNullCheckInRateFor()
    {
        var info = Build();

        using var repo = new Repository(info.Path);
        var checkout = info.Services.Single(s => s.Service == "checkout-service");
        var patch = repo.Diff.Compare<Patch>(
            repo.Lookup<Commit>(checkout.Previous.CommitSha).Tree, repo.Lookup<Commit>(checkout.Current.CommitSha).Tree, ["checkout-service/"]);
        Assert.Equal(
            [
                "checkout-service/pom.xml",
                "checkout-service/src/main/java/com/shop/checkout/inventory/StockClient.java",
                "checkout-service/src/main/java/com/shop/checkout/service/CheckoutService.java",
                "checkout-service/src/main/java/com/shop/checkout/tax/TaxCalculator.java",
            ],
            patch.Select(p => p.Path).Order(StringComparer.Ordinal));

        var tax = patch["checkout-service/src/main/java/com/shop/checkout/tax/TaxCalculator.java"];
        Assert.Contains(tax.AddedLines, l => l.LineNumber == 42 && l.Content.Trim() == "String country = customer.getShippingAddress().getCountry();");
        Assert.Contains(tax.DeletedLines, l => l.Content.Trim() == "if (shipping == null) {");
        // rateFor spans lines 40-44 of the current file; the rounding change (line 47) is outside it.
        Assert.Equal([23, 35, 36, 37, 38, 41, 42, 43, 47], tax.AddedLines.Select(l => l.LineNumber));

        var introducing = repo.Commits.QueryBy("checkout-service/src/main/java/com/shop/checkout/tax/TaxCalculator.java").First().Commit;
        Assert.Equal("Tax: drop redundant address check", introducing.MessageShort);
    }

    [Fact]
    public void ANonEmptyTargetIsRefusedAndLeftAlone()
    {
        var target = Path.Combine(_root, "busy");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "notes.txt"), "mine");

        var error = Assert.Throws<IOException>(() => DemoRepository.Build(Samples, target, Clock));

        Assert.Equal($"cannot build the demo repository in {target}: the folder is not empty", error.Message);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName));
    }

    private static string Text(Commit commit, string path) =>
        commit[path]?.Target is Blob blob ? blob.GetContentText() : throw new Xunit.Sdk.XunitException($"{path} is not in {commit.Sha}");
}
