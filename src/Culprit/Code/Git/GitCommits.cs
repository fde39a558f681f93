using LibGit2Sharp;

namespace Culprit.Code.Git;

internal static class GitCommits
{
    /// <summary>The author (not the committer): who wrote the change, when they wrote it.</summary>
    public static CommitInfo Info(Commit commit) =>
        new(commit.Sha, commit.Author.Name, commit.Author.Email, commit.Author.When, commit.Message.TrimEnd('\n', '\r'));
}
