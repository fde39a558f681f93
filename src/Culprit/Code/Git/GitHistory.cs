using LibGit2Sharp;

namespace Culprit.Code.Git;

internal static class GitHistory
{
    /// <summary>
    /// Commits reachable from <paramref name="to"/> and not from <paramref name="from"/>, newest first (topological, then
    /// by time). With a path, only commits whose file at that path differs from every parent's (a merge that took one
    /// side's file unchanged is left out, as <c>git log -- path</c> does).
    /// </summary>
    public static IReadOnlyList<CommitInfo> Between(Repository repository, Commit? from, Commit to, string? path)
    {
        var filter = new CommitFilter
        {
            IncludeReachableFrom = to,
            ExcludeReachableFrom = from,
            SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time,
        };
        var clean = path?.Replace('\\', '/').Trim('/');
        var commits = new List<CommitInfo>();
        foreach (var commit in repository.Commits.QueryBy(filter))
        {
            if (clean is null || Touches(commit, clean))
                commits.Add(GitCommits.Info(commit));
        }

        return commits;
    }

    private static bool Touches(Commit commit, string path)
    {
        var mine = BlobId(commit, path);
        var parents = 0;
        foreach (var parent in commit.Parents)
        {
            parents++;
            if (BlobId(parent, path) == mine)
                return false;
        }

        return parents > 0 || mine is not null;
    }

    private static ObjectId? BlobId(Commit commit, string path) =>
        commit.Tree[path] is { TargetType: TreeEntryTargetType.Blob } entry ? entry.Target.Id : null;
}
