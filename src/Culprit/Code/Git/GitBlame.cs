using LibGit2Sharp;

namespace Culprit.Code.Git;

internal static class GitBlame
{
    public static IReadOnlyList<Code.BlameHunk> Run(Repository repository, Commit commit, string path, int startLine, int endLine)
    {
        var clean = path.Replace('\\', '/').Trim('/');
        if (GitTrees.FindBlob(commit.Tree, clean) is not { } blob)
            throw new CodeRepositoryException($"'{path}' is not a file in commit {commit.Sha[..12]}.");
        var lineCount = CountLines(blob);
        if (startLine < 1 || endLine < startLine || endLine > lineCount)
            throw new CodeRepositoryException($"Lines {startLine}-{endLine} are outside '{path}' at {commit.Sha[..12]}, which has {lineCount} lines.");

        var blame = repository.Blame(clean, new BlameOptions { StartingAt = commit, MinLine = startLine, MaxLine = endLine });
        var hunks = new List<Code.BlameHunk>();
        var infos = new Dictionary<string, CommitInfo>(StringComparer.Ordinal);
        foreach (var hunk in blame)
        {
            // LibGit2Sharp numbers lines from 0.
            var first = Math.Max(hunk.FinalStartLineNumber + 1, startLine);
            var last = Math.Min(hunk.FinalStartLineNumber + hunk.LineCount, endLine);
            if (last < first)
                continue;
            if (!infos.TryGetValue(hunk.FinalCommit.Sha, out var info))
                infos[hunk.FinalCommit.Sha] = info = GitCommits.Info(hunk.FinalCommit);
            hunks.Add(new Code.BlameHunk(first, last - first + 1, info));
        }

        return hunks;
    }

    private static int CountLines(Blob blob)
    {
        using var stream = blob.GetContentStream();
        int lines = 0, last = -1, b;
        while ((b = stream.ReadByte()) >= 0)
        {
            if (b == '\n')
                lines++;
            last = b;
        }

        return last is >= 0 and not '\n' ? lines + 1 : lines;
    }
}
