using LibGit2Sharp;

namespace Culprit.Code.Git;

/// <summary>Tree-to-tree diffs as <see cref="FileChange"/>s: renames found by similarity (git's default 50 %), hunks without context.</summary>
internal static class GitDiffs
{
    private static readonly CompareOptions Options = new()
    {
        ContextLines = 0,
        InterhunkLines = 0,
        Similarity = SimilarityOptions.Renames,
    };

    public static IReadOnlyList<FileChange> Compare(Repository repository, Tree from, Tree to)
    {
        using var patch = repository.Diff.Compare<Patch>(from, to, Options);
        var changes = new List<FileChange>();
        foreach (var entry in patch)
        {
            if (Kind(entry.Status) is not { } kind)
                continue;
            var added = kind == Code.ChangeKind.Added;
            var deleted = kind == Code.ChangeKind.Deleted;
            changes.Add(new FileChange(
                kind,
                added ? null : Normal(entry.OldPath),
                deleted ? null : Normal(entry.Path),
                added ? null : entry.OldOid.Sha,
                deleted ? null : entry.Oid.Sha,
                entry.IsBinaryComparison ? [] : PatchHunks.Parse(entry.Patch)));
        }

        changes.Sort((a, b) => string.CompareOrdinal(a.NewPath ?? a.OldPath, b.NewPath ?? b.OldPath));
        return changes;
    }

    private static Code.ChangeKind? Kind(LibGit2Sharp.ChangeKind status) => status switch
    {
        LibGit2Sharp.ChangeKind.Added => Code.ChangeKind.Added,
        LibGit2Sharp.ChangeKind.Deleted => Code.ChangeKind.Deleted,
        LibGit2Sharp.ChangeKind.Modified or LibGit2Sharp.ChangeKind.TypeChanged => Code.ChangeKind.Modified,
        LibGit2Sharp.ChangeKind.Renamed => Code.ChangeKind.Renamed,
        LibGit2Sharp.ChangeKind.Copied => Code.ChangeKind.Copied,
        _ => null,
    };

    private static string Normal(string path) => path.Replace('\\', '/');
}
