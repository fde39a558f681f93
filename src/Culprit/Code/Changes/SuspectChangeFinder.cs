namespace Culprit.Code.Changes;

/// <summary>
/// Finds what changed in the incident's functions since the previous deploy: the diff from the previous deployed
/// commit (N-1) to the incident's commit (N) says which target functions changed and on which lines; each commit of
/// N-1..N is then diffed against its parents and its changed lines carried forward to N, so that a commit counts only
/// when it touched one of those lines. Renames are followed; changes elsewhere in the file do not count.
/// </summary>
public sealed class SuspectChangeFinder
{
    private readonly ICodeRepository _repository;

    public SuspectChangeFinder(ICodeRepository repository) => _repository = repository;

    /// <param name="previousCommit">The commit of the previous deploy (N-1).</param>
    /// <param name="commit">The incident's commit (N); the targets' paths and lines are read at it.</param>
    /// <param name="targets">Functions at N; those the range did not change are left out of the result.</param>
    public IReadOnlyList<SuspectChange> Find(string previousCommit, string commit, IReadOnlyList<SuspectTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var from = _repository.ResolveCommit(previousCommit);
        var to = _repository.ResolveCommit(commit);
        if (targets.Count == 0 || from == to)
            return [];

        var net = new Dictionary<string, FileChange>(StringComparer.Ordinal);
        foreach (var change in _repository.Diff(from, to))
        {
            if (change.NewPath is { } path)
                net[path] = change;
        }

        var changed = new List<(SuspectTarget Target, SortedSet<int> Lines)>();
        foreach (var target in targets)
        {
            if (!net.TryGetValue(Normal(target.Path), out var change))
                continue;
            var lines = new SortedSet<int>();
            foreach (var line in LineMap.From(change.Hunks).TouchedNewLines())
            {
                if (line >= target.StartLine && line <= target.EndLine && (line > target.StartLine || IsAddedLine(change, line)))
                    lines.Add(line);
            }

            if (lines.Count > 0)
                changed.Add((target, lines));
        }

        if (changed.Count == 0)
            return [];

        var touches = new CommitTouches(_repository, from, to, [.. changed.Select(c => Normal(c.Target.Path)).Distinct(StringComparer.Ordinal)], net);
        var results = new List<SuspectChange>(changed.Count);
        foreach (var (target, lines) in changed)
        {
            var commits = new List<SuspectCommit>();
            foreach (var (info, touched) in touches.LinesByCommit(Normal(target.Path)))
            {
                var mine = touched.Where(lines.Contains).ToArray();
                if (mine.Length > 0)
                    commits.Add(new SuspectCommit(info, mine));
            }

            commits.Sort((a, b) => b.Commit.When.CompareTo(a.Commit.When));
            results.Add(new SuspectChange(Normal(target.Path), target.Symbol, target.StartLine, target.EndLine, [.. lines], commits));
        }

        return results;
    }

    /// <summary>A removal just above the function's first line is not a change of the function; an added first line is.</summary>
    private static bool IsAddedLine(FileChange change, int line)
    {
        foreach (var hunk in change.Hunks)
        {
            if (hunk.AddedLines.Contains(line))
                return true;
        }

        return false;
    }

    private static string Normal(string path) => path.Replace('\\', '/').Trim('/');
}
