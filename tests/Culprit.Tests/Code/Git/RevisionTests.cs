using Culprit.Code;
using Culprit.Code.Git;

namespace Culprit.Tests.Code.Git;

/// <summary>Tags, branches, short SHAs and relative revisions resolve to commits; bad ones fail with messages that name them.</summary>
public sealed class RevisionTests : IDisposable
{
    private readonly ShopRepository _shop = new();
    private readonly GitRepository _git;

    public RevisionTests() => _git = GitRepository.Open(_shop.Repo.Folder);

    public void Dispose()
    {
        _git.Dispose();
        _shop.Dispose();
    }

    [Fact]
    public void ResolvesTagsBranchesShortShasAndRelativeRevisions()
    {
        Assert.Equal(_shop.Logo, _git.ResolveCommit("v1.0"));
        Assert.Equal(_shop.Second, _git.ResolveCommit("v1.1"));
        Assert.Equal(_shop.Third, _git.ResolveCommit("main"));
        Assert.Equal(_shop.Third, _git.ResolveCommit("HEAD"));
        Assert.Equal(_shop.Second, _git.ResolveCommit("HEAD~1"));
        Assert.Equal(_shop.First, _git.ResolveCommit("v1.1^^"));
        Assert.Equal(_shop.First, _git.ResolveCommit(_shop.First[..7]));
        Assert.Equal(_shop.First, _git.ResolveCommit(_shop.First));
    }

    [Fact]
    public void UnknownRevisionsAreNamed()
    {
        foreach (var revision in new[] { "v9.9", "no-such-branch", "HEAD~10", "0123456789abcdef0123456789abcdef01234567", "main^^{oops" })
        {
            var error = Assert.Throws<CodeRepositoryException>(() => _git.ResolveCommit(revision));
            Assert.Equal($"Unknown revision '{revision}' in {_git.Root}.", error.Message);
        }
    }

    [Fact]
    public void ARevisionNamingAFileIsNotACommit()
    {
        var error = Assert.Throws<CodeRepositoryException>(() => _git.ResolveCommit("HEAD:README.md"));
        Assert.Equal($"'HEAD:README.md' in {_git.Root} names a blob, not a commit.", error.Message);
    }

    [Fact]
    public void AnAmbiguousShortShaAsksForMoreDigits()
    {
        // Blobs until two share their first four hex digits (the shortest prefix git accepts).
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        string? prefix = null;
        for (var i = 0; prefix is null; i++)
        {
            using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"blob {i}\n"));
            var sha = _shop.Repo.Raw.ObjectDatabase.CreateBlob(content).Sha;
            if (!seen.TryAdd(sha[..4], sha))
                prefix = sha[..4];
        }

        var error = Assert.Throws<CodeRepositoryException>(() => _git.ResolveCommit(prefix));
        Assert.Equal($"'{prefix}' is ambiguous in {_git.Root}: several objects start with it; give more digits of the SHA.", error.Message);
    }
}
