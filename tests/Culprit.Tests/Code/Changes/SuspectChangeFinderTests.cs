using Culprit.Code;
using Culprit.Code.Changes;
using Culprit.Code.Git;
using Culprit.Tests.Code.Git;

namespace Culprit.Tests.Code.Changes;

/// <summary>Changes to the failing functions and their callees since the previous deploy, on real repositories.</summary>
public sealed class SuspectChangeFinderTests : IDisposable
{
    private static readonly string Service = ShopRepository.ServicePath;
    private readonly ShopRepository _shop = new();
    private GitRepository? _git;

    public void Dispose()
    {
        _git?.Dispose();
        _shop.Dispose();
    }

    private TempRepository Repo => _shop.Repo;

    private IReadOnlyList<SuspectChange> Find(string previous, string current, params SuspectTarget[] targets)
    {
        _git ??= GitRepository.Open(Repo.Folder);
        return new SuspectChangeFinder(_git).Find(previous, current, targets);
    }

    private static SuspectTarget A(string path = "src/Orders/OrderService.cs", int shift = 0) => new(path, "Shop.Orders.OrderService.A", 5 + shift, 9 + shift);

    private static SuspectTarget B(string path = "src/Orders/OrderService.cs", int shift = 0) => new(path, "Shop.Orders.OrderService.B", 11 + shift, 16 + shift);

    private static SuspectTarget C(string path = "src/Orders/OrderService.cs", int shift = 0) => new(path, "Shop.Orders.OrderService.C", 18 + shift, 21 + shift);

    private static string Edit(string text, string from, string to)
    {
        Assert.Contains(from, text, StringComparison.Ordinal);
        return text.Replace(from, to, StringComparison.Ordinal);
    }

    private string Current(string path = "src/Orders/OrderService.cs") => File.ReadAllText(Path.Combine(Repo.Folder, path));

    [Fact]
    public void OnlyTheChangedFunctionAmongTheTargetsIsReportedWithItsLineAndCommit()
    {
        var change = Assert.Single(Find(_shop.Second, _shop.Third, A(), B()));

        Assert.Equal(Service, change.Path);
        Assert.Equal("Shop.Orders.OrderService.B", change.Symbol);
        Assert.Equal([14], change.ChangedLines);
        var commit = Assert.Single(change.Commits);
        Assert.Equal(_shop.Third, commit.Commit.Sha);
        Assert.Equal("Ada Lovelace", commit.Commit.Author);
        Assert.Equal("Price times quantity; id format", commit.Commit.Message);
        Assert.Equal([14], commit.ChangedLines);
    }

    [Fact]
    public void EachTargetGetsItsOwnLines()
    {
        var changes = Find("v1.1", "HEAD", A(), B(), C());

        Assert.Equal([("Shop.Orders.OrderService.B", new[] { 14 }), ("Shop.Orders.OrderService.C", new[] { 20 })], changes.Select(c => (c.Symbol, c.ChangedLines.ToArray())));
    }

    [Fact]
    public void NothingChangedMeansNothingReported()
    {
        Assert.Empty(Find(_shop.Logo, _shop.Second, A(), B(), C()));
        Assert.Empty(Find(_shop.Third, _shop.Third, B()));
        Assert.Empty(Find(_shop.Second, _shop.Third, new SuspectTarget("app/payments.py", "charge", 1, 4)));
    }

    [Fact]
    public void ARenamedFileIsFollowed()
    {
        var moved = Repo.Move("Move the service", Service, "src/Orders/Service.cs");
        var fifth = Repo.Commit("Start at one", ("src/Orders/Service.cs", Edit(Current("src/Orders/Service.cs"), "var sum = 0m;", "var sum = 1m;")));

        var since = Assert.Single(Find(_shop.Third, fifth, A("src/Orders/Service.cs"), B("src/Orders/Service.cs")));
        Assert.Equal("src/Orders/Service.cs", since.Path);
        Assert.Equal([13], since.ChangedLines);
        Assert.Equal([fifth], since.Commits.Select(c => c.Commit.Sha));

        var longer = Assert.Single(Find(_shop.Second, fifth, B("src/Orders/Service.cs")));
        Assert.Equal([13, 14], longer.ChangedLines);
        Assert.Equal([(fifth, new[] { 13 }), (_shop.Third, new[] { 14 })], longer.Commits.Select(c => (c.Commit.Sha, c.ChangedLines.ToArray())));
        Assert.DoesNotContain(moved, longer.Commits.Select(c => c.Commit.Sha));
    }

    [Fact]
    public void ARemovedLineCountsAtTheLineNowFollowingIt()
    {
        var fourth = Repo.Commit("Inline the total", (Service, Edit(Current(), "        var total = B(order);\n        return total * 1.2m;", "        return B(order) * 1.2m;")));

        var change = Assert.Single(Find(_shop.Third, fourth, new SuspectTarget(Service, "A", 5, 8), B(shift: -1)));

        Assert.Equal("A", change.Symbol);
        Assert.Equal([7], change.ChangedLines);
        Assert.Equal([fourth], change.Commits.Select(c => c.Commit.Sha));
    }

    [Fact]
    public void PureRemovalInsideAFunctionIsAChange()
    {
        var fourth = Repo.Commit("No tax variable", (Service, Edit(Current(), "        var total = B(order);\n", "")));

        var change = Assert.Single(Find(_shop.Third, fourth, new SuspectTarget(Service, "A", 5, 8), B(shift: -1)));

        Assert.Equal([7], change.ChangedLines);
        Assert.Equal([7], Assert.Single(change.Commits).ChangedLines);
    }

    [Fact]
    public void LinesMovedByAnInsertionAboveAreNotChanges()
    {
        var fourth = Repo.Commit("Usings and a better id", (Service, Edit(Edit(Current(), "namespace Shop.Orders;\n", "using System;\nusing System.Linq;\n\nnamespace Shop.Orders;\n"), "ToString(\"N\")", "ToString(\"D\")")));

        var change = Assert.Single(Find(_shop.Third, fourth, A(shift: 3), B(shift: 3), C(shift: 3)));

        Assert.Equal("Shop.Orders.OrderService.C", change.Symbol);
        Assert.Equal([23], change.ChangedLines);
        Assert.Equal([fourth], change.Commits.Select(c => c.Commit.Sha));
    }

    [Fact]
    public void ALineChangedTwiceNamesBothCommitsNewestFirstAndUnrelatedCommitsNone()
    {
        var fourth = Repo.Commit("Rounding", (Service, Edit(Current(), "line.Price * line.Quantity;", "Math.Round(line.Price * line.Quantity, 2);")));
        var readme = Repo.Commit("Docs", ("README.md", "Shop\n"));
        var cart = Repo.Commit("Other function", (Service, Edit(Current(), "return total * 1.2m;", "return total * 1.25m;")));

        var change = Assert.Single(Find(_shop.Second, cart, B()));

        Assert.Equal([14], change.ChangedLines);
        Assert.Equal([fourth, _shop.Third], change.Commits.Select(c => c.Commit.Sha));
        Assert.DoesNotContain(readme, change.Commits.Select(c => c.Commit.Sha));
    }

    [Fact]
    public void ALineAddedThenRewrittenNamesBothCommits()
    {
        var added = Repo.Commit("Guard", (Service, Edit(Current(), "        var sum = 0m;\n", "        var sum = 0m;\n        if (order is null) return 0;\n")));
        var rewritten = Repo.Commit("Guard better", (Service, Edit(Current(), "if (order is null) return 0;", "ArgumentNullException.ThrowIfNull(order);")));

        var change = Assert.Single(Find(_shop.Third, rewritten, B(), C(shift: 1)));

        Assert.Equal("Shop.Orders.OrderService.B", change.Symbol);
        Assert.Equal([14], change.ChangedLines);
        Assert.Equal([rewritten, added], change.Commits.Select(c => c.Commit.Sha));
    }

    [Fact]
    public void ARevertedChangeIsNotReported()
    {
        var original = Current();
        Repo.Commit("Try one", (Service, Edit(original, "var sum = 0m;", "var sum = 1m;")));
        var reverted = Repo.Commit("Revert try one", (Service, original));

        Assert.Empty(Find(_shop.Third, reverted, A(), B(), C()));
    }

    [Fact]
    public void BranchCommitsOfAMergeAreFollowedAndTheMergeItselfIsNot()
    {
        Repo.Branch("feature");
        var onMain = Repo.Commit("Start at one", (Service, Edit(Current(), "var sum = 0m;", "var sum = 1m;")));
        Repo.Checkout("feature");
        var onFeature = Repo.Commit("Id in hex", (Service, Edit(Current(), "ToString(\"N\")", "ToString(\"X\")")));
        Repo.Checkout("main");
        var merge = Repo.Merge("feature");

        var changes = Find(_shop.Third, merge, A(), B(), C());

        Assert.Equal(
            [("Shop.Orders.OrderService.B", 13, onMain), ("Shop.Orders.OrderService.C", 20, onFeature)],
            changes.Select(c => (c.Symbol, Assert.Single(c.ChangedLines), Assert.Single(c.Commits).Commit.Sha)));
    }

    [Fact]
    public void AFileAddedInTheRangeChangesAllOfItsFunctions()
    {
        var added = Repo.Commit("Refunds", ("app/refunds.py", "import math\n\ndef refund(order):\n    return order.total\n"));

        var change = Assert.Single(Find(_shop.Third, added, new SuspectTarget("app/refunds.py", "refunds.refund", 3, 4)));

        Assert.Equal([3, 4], change.ChangedLines);
        Assert.Equal([added], change.Commits.Select(c => c.Commit.Sha));
    }

    [Fact]
    public void SummariesAreOnePerFunctionAndCommitNewestFirst()
    {
        var fourth = Repo.Commit("Start at one", (Service, Edit(Current(), "var sum = 0m;", "var sum = 1m;")));

        var summaries = SuspectChangeSummaries.From(Find(_shop.Second, fourth, B(), C()));

        Assert.Equal(
            [(fourth, "Shop.Orders.OrderService.B", new[] { 13 }), (_shop.Third, "Shop.Orders.OrderService.B", new[] { 14 }), (_shop.Third, "Shop.Orders.OrderService.C", new[] { 20 })],
            summaries.Select(s => (s.Sha, s.Symbol, s.ChangedLines.ToArray())));
        Assert.Equal("Start at one", summaries[0].Summary);
        Assert.Equal(Service, summaries[0].File);
        Assert.Equal("Ada Lovelace", summaries[0].Author);
        Assert.Equal(TempRepository.Start.AddHours(4), summaries[0].When);
    }

    [Fact]
    public void ARollbackReportsTheChangeWithoutCommitsAndNoSummary()
    {
        var changes = Find(_shop.Third, _shop.Second, A(), B());

        var change = Assert.Single(changes);
        Assert.Equal("Shop.Orders.OrderService.B", change.Symbol);
        Assert.Equal([14], change.ChangedLines);
        Assert.Empty(change.Commits);
        Assert.Empty(SuspectChangeSummaries.From(changes));
    }

    [Fact]
    public void AnUnknownPreviousCommitFailsClearly()
    {
        var error = Assert.Throws<CodeRepositoryException>(() => Find("v0.1", "HEAD", B()));
        Assert.Contains("Unknown revision 'v0.1'", error.Message, StringComparison.Ordinal);
    }
}
