using Culprit.Code.Samples;
using Culprit.Tests.Support;

namespace Culprit.Tests.Code.Samples;

/// <summary>Samples whose history does not add up are refused with a message naming the file, not built half-way.</summary>
public sealed class DemoRepositoryBadSamplesTests : IDisposable
{
    private static readonly FixedTimeProvider Clock = new(new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.Zero));

    private readonly string _root = Directory.CreateTempSubdirectory("culprit-demo-bad-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Samples(string commits)
    {
        var samples = Path.Combine(_root, "samples");
        Write(samples, "src/shop/app.py", "def total(cart):\n    return sum(cart)\n");
        Write(samples, "src/shop/util.py", "ROUND = 2\n");
        Write(samples, "history/shop/app.py", "def total(cart):\n    return sum(cart or [])\n");
        Write(samples, "history/shop/util.py", "ROUND = 3\n");
        Write(samples, "deploys.json", """
            { "deploys": [
              { "service": "shop", "environment": "prod", "version": "1.0.0", "deployed_at": "2026-01-01T10:00:00Z" },
              { "service": "shop", "environment": "prod", "version": "1.1.0", "deployed_at": "2026-01-02T10:00:00Z" } ] }
            """);
        Write(samples, "history/commits.json", commits);
        return samples;
    }

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private const string Previous = """
        { "author": "Dana Developer <dana@shop.example>", "date": "2026-01-01T09:00:00Z", "message": "shop", "service": "shop", "state": "previous" }
        """;

    [Fact]
    public void AConsistentHistoryBuildsAndTagsBothDeploys()
    {
        var samples = Samples($$"""
            { "commits": [ {{Previous}},
              { "author": "Lee Chen <lee@shop.example>", "date": "2026-01-01T12:00:00Z", "message": "totals", "service": "shop", "files": ["app.py", "util.py"] } ] }
            """);

        var info = DemoRepository.Build(samples, Path.Combine(_root, "repo"), Clock);

        var shop = Assert.Single(info.Services);
        Assert.Equal(("1.0.0", "1.1.0"), (shop.Previous.Version, shop.Current.Version));
        Assert.NotEqual(shop.Previous.CommitSha, shop.Current.CommitSha);
        Assert.Equal("ROUND = 2\n", File.ReadAllText(Path.Combine(info.Path, "shop", "util.py")));
    }

    [Fact]
    public void AChangeNoCommitMakesIsNamed()
    {
        var samples = Samples($$"""
            { "commits": [ {{Previous}},
              { "author": "Lee Chen <lee@shop.example>", "date": "2026-01-01T12:00:00Z", "message": "totals", "service": "shop", "files": ["app.py"] } ] }
            """);

        var error = Assert.Throws<InvalidDataException>(() => DemoRepository.Build(samples, Path.Combine(_root, "repo"), Clock));

        Assert.Equal("the demo history does not end at samples/src: shop/util.py differs from samples/src at the last commit (no commit lists it)", error.Message);
        Assert.False(Directory.Exists(Path.Combine(_root, "repo")));
    }

    [Fact]
    public void ACommitOfAMissingFileIsNamed()
    {
        var samples = Samples($$"""
            { "commits": [ {{Previous}},
              { "author": "Lee Chen <lee@shop.example>", "date": "2026-01-01T12:00:00Z", "message": "totals", "service": "shop", "files": ["app.py", "gone.py"] } ] }
            """);

        var error = Assert.Throws<InvalidDataException>(() => DemoRepository.Build(samples, Path.Combine(_root, "repo"), Clock));

        Assert.Equal($"commits.json names shop/gone.py, which is not in {Path.Combine(samples, "src")}", error.Message);
        Assert.False(Directory.Exists(Path.Combine(_root, "repo")));
    }

    [Fact]
    public void ADeployBeforeTheFirstCommitIsRefused()
    {
        var samples = Samples($$"""
            { "commits": [
              { "author": "Dana Developer <dana@shop.example>", "date": "2026-01-01T11:00:00Z", "message": "shop", "service": "shop", "state": "previous" },
              { "author": "Lee Chen <lee@shop.example>", "date": "2026-01-01T12:00:00Z", "message": "totals", "service": "shop", "files": ["app.py", "util.py"] } ] }
            """);

        var error = Assert.Throws<InvalidDataException>(() => DemoRepository.Build(samples, Path.Combine(_root, "repo"), Clock));

        Assert.Equal("deploys.json: shop 1.0.0 went out before the first commit", error.Message);
        Assert.False(Directory.Exists(Path.Combine(_root, "repo")));
    }

    [Fact]
    public void CommitsOutOfDateOrderAreRefused()
    {
        var samples = Samples($$"""
            { "commits": [ {{Previous}},
              { "author": "Lee Chen <lee@shop.example>", "date": "2025-12-31T12:00:00Z", "message": "totals", "service": "shop", "files": ["app.py", "util.py"] } ] }
            """);

        var error = Assert.Throws<InvalidDataException>(() => DemoRepository.Build(samples, Path.Combine(_root, "repo"), Clock));

        Assert.Equal($"{Path.Combine(samples, "history", "commits.json")}: commit 2 is dated before commit 1", error.Message);
        Assert.False(Directory.Exists(Path.Combine(_root, "repo")));
    }
}
