using Culprit.Code;
using Culprit.Code.Git;

namespace Culprit.Tests.Code.Git;

/// <summary>Reading a real repository at commits: files, text, diffs, blame and history.</summary>
public sealed class GitRepositoryTests : IDisposable
{
    private readonly ShopRepository _shop = new();
    private readonly GitRepository _git;

    public GitRepositoryTests() => _git = GitRepository.Open(_shop.Repo.Folder);

    public void Dispose()
    {
        _git.Dispose();
        _shop.Dispose();
    }

    [Fact]
    public void ListsEveryFileOfACommitSortedByPath()
    {
        var first = _git.ListFiles(_shop.First);
        Assert.Equal(["README.md", "app/billing.py", "src/Orders/OrderService.cs", "web/cart.js"], first.Select(f => f.Path));
        Assert.Equal(ShopRepository.Cart.Length, first.Single(f => f.Path == "web/cart.js").Size);

        var second = _git.ListFiles(_shop.Second);
        Assert.Equal(["README.md", "app/payments.py", "assets/logo.png", "src/Orders/OrderService.cs"], second.Select(f => f.Path));
        Assert.Equal(first.Single(f => f.Path == "README.md").BlobSha, second.Single(f => f.Path == "README.md").BlobSha);
    }

    [Fact]
    public void ReadsAFileAtEachCommitWithoutTheByteOrderMark()
    {
        Assert.Equal(ShopRepository.OrderService, _git.ReadFile(_shop.Second, ShopRepository.ServicePath));
        Assert.Contains("line.Price * line.Quantity", _git.ReadFile(_shop.Third, ShopRepository.ServicePath), StringComparison.Ordinal);
        Assert.Equal("Shop — read me\n", _git.ReadFile("HEAD", "README.md"));
        Assert.Equal(ShopRepository.Cart, _git.ReadFile(_shop.First, "web/cart.js"));
    }

    [Fact]
    public void MissingPathsFoldersAndBinaryFilesReadAsNull()
    {
        Assert.Null(_git.ReadFile(_shop.Second, "web/cart.js"));
        Assert.Null(_git.ReadFile(_shop.Second, "no/such/file.cs"));
        Assert.Null(_git.ReadFile(_shop.Second, "src/Orders"));
        Assert.Null(_git.ReadFile(_shop.Second, "assets/logo.png"));
    }

    [Fact]
    public void DiffFindsRenamesDeletionsAndExactHunks()
    {
        var changes = _git.Diff("v1.0", "v1.1");

        Assert.Equal(2, changes.Count);
        var rename = changes[0];
        Assert.Equal(ChangeKind.Renamed, rename.Kind);
        Assert.Equal("app/billing.py", rename.OldPath);
        Assert.Equal("app/payments.py", rename.NewPath);
        var hunk = Assert.Single(rename.Hunks);
        Assert.Equal(new DiffHunk(4, 1, 4, 1, [4], [4]), hunk, HunkComparer.Instance);

        var deleted = changes[1];
        Assert.Equal(ChangeKind.Deleted, deleted.Kind);
        Assert.Equal("web/cart.js", deleted.OldPath);
        Assert.Null(deleted.NewPath);
        Assert.Null(deleted.NewBlobSha);
        Assert.Equal([1, 2, 3], Assert.Single(deleted.Hunks).RemovedLines);
    }

    [Fact]
    public void DiffOfAModifiedFileHasOneHunkPerChangedRun()
    {
        var change = Assert.Single(_git.Diff(_shop.Second, _shop.Third));

        Assert.Equal(ChangeKind.Modified, change.Kind);
        Assert.Equal(ShopRepository.ServicePath, change.NewPath);
        Assert.Equal(2, change.Hunks.Count);
        Assert.Equal(new DiffHunk(14, 1, 14, 1, [14], [14]), change.Hunks[0], HunkComparer.Instance);
        Assert.Equal(new DiffHunk(20, 1, 20, 1, [20], [20]), change.Hunks[1], HunkComparer.Instance);
    }

    [Fact]
    public void DiffOfAnAddedFileAndOfABinaryFile()
    {
        var changes = _git.Diff(_shop.First, _shop.Logo);

        var logo = Assert.Single(changes);
        Assert.Equal(ChangeKind.Added, logo.Kind);
        Assert.Null(logo.OldPath);
        Assert.Null(logo.OldBlobSha);
        Assert.Equal("assets/logo.png", logo.NewPath);
        Assert.Empty(logo.Hunks);
    }

    [Fact]
    public void BlameNamesTheCommitOfEachLine()
    {
        var hunks = _git.Blame(_shop.Third, ShopRepository.ServicePath, 12, 16);

        Assert.Equal([(12, 2, _shop.First), (14, 1, _shop.Third), (15, 2, _shop.First)], hunks.Select(h => (h.StartLine, h.LineCount, h.Commit.Sha)));
        Assert.Equal("Price times quantity; id format", hunks[1].Commit.Message);
        Assert.Equal("Ada Lovelace", hunks[1].Commit.Author);
        Assert.Equal("ada@example.com", hunks[1].Commit.Email);
    }

    [Fact]
    public void BlameOfAMissingPathOrOfLinesPastTheEndFailsClearly()
    {
        var missing = Assert.Throws<CodeRepositoryException>(() => _git.Blame(_shop.Third, "web/cart.js", 1, 2));
        Assert.Equal($"'web/cart.js' is not a file in commit {_shop.Third[..12]}.", missing.Message);

        var past = Assert.Throws<CodeRepositoryException>(() => _git.Blame(_shop.Third, ShopRepository.ServicePath, 20, 40));
        Assert.Equal($"Lines 20-40 are outside '{ShopRepository.ServicePath}' at {_shop.Third[..12]}, which has 22 lines.", past.Message);
    }

    [Fact]
    public void CommitsBetweenAreNewestFirstAndFilterByPath()
    {
        Assert.Equal([_shop.Third, _shop.Second], _git.CommitsBetween("v1.0", "HEAD").Select(c => c.Sha));
        Assert.Equal([_shop.Third, _shop.Second, _shop.Logo, _shop.First], _git.CommitsBetween(null, "main").Select(c => c.Sha));
        Assert.Equal([_shop.Third, _shop.First], _git.CommitsBetween(null, "main", ShopRepository.ServicePath).Select(c => c.Sha));
        Assert.Equal([_shop.Second], _git.CommitsBetween(_shop.First, "main", "web/cart.js").Select(c => c.Sha));
    }

    [Fact]
    public void CommitInfoHasAuthorTimeAndMessage()
    {
        var second = _git.GetCommit("v1.1");

        Assert.Equal(_shop.Second, second.Sha);
        Assert.Equal("Grace Hopper", second.Author);
        Assert.Equal("grace@example.com", second.Email);
        Assert.Equal(TempRepository.Start.AddHours(2), second.When);
        Assert.Equal("Move billing to payments, drop the cart\n\nThe cart moves to its own service.", second.Message);
        Assert.Equal("Move billing to payments, drop the cart", second.Summary);
    }

    private sealed class HunkComparer : IEqualityComparer<DiffHunk>
    {
        public static readonly HunkComparer Instance = new();

        public bool Equals(DiffHunk? x, DiffHunk? y) =>
            x is not null && y is not null
            && (x.OldStart, x.OldCount, x.NewStart, x.NewCount) == (y.OldStart, y.OldCount, y.NewStart, y.NewCount)
            && x.RemovedLines.SequenceEqual(y.RemovedLines)
            && x.AddedLines.SequenceEqual(y.AddedLines);

        public int GetHashCode(DiffHunk obj) => obj.OldStart;
    }
}
