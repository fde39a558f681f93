namespace Culprit.Code.Changes;

/// <summary>
/// For each commit of a range, the lines of the files at the range's end (N) that the commit touched. A commit's
/// changed lines (against its parent; for a merge, only lines that differ from every parent — its own resolutions) are
/// carried to N through the diff from the commit to N, so later edits, insertions above and renames are accounted for.
/// </summary>
internal sealed class CommitTouches
{
    private readonly ICodeRepository _repository;
    private readonly string _to;
    private readonly Dictionary<string, List<(CommitInfo Commit, SortedSet<int> Lines)>> _byPath = new(StringComparer.Ordinal);

    public CommitTouches(ICodeRepository repository, string from, string to, IReadOnlyList<string> paths, IReadOnlyDictionary<string, FileChange> net)
    {
        _repository = repository;
        _to = to;
        foreach (var path in paths)
            _byPath[path] = [];

        // Every name the files had in the range, grown from N backwards as renames are met (newest commits first).
        var known = new HashSet<string>(paths, StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (net.TryGetValue(path, out var change) && change.OldPath is { } old)
                known.Add(old);
        }

        foreach (var commit in repository.CommitsBetween(from, to))
            Visit(commit, known);
    }

    public IReadOnlyList<(CommitInfo Commit, SortedSet<int> Lines)> LinesByCommit(string path) =>
        _byPath.TryGetValue(path, out var list) ? list : [];

    private void Visit(CommitInfo commit, HashSet<string> known)
    {
        var parents = Parents(commit.Sha);
        var perParent = new List<Dictionary<string, FileChange>>(parents.Count);
        var relevant = false;
        foreach (var parent in parents)
        {
            var changes = new Dictionary<string, FileChange>(StringComparer.Ordinal);
            foreach (var change in _repository.Diff(parent, commit.Sha))
            {
                if (change.NewPath is not { } path)
                    continue;
                changes[path] = change;
                if (known.Contains(path))
                {
                    relevant = true;
                    if (change.OldPath is { } old)
                        known.Add(old);
                }
            }

            perParent.Add(changes);
        }

        if (!relevant)
            return;

        Dictionary<string, FileChange>? toEnd = null;
        foreach (var (pathAtEnd, list) in _byPath)
        {
            toEnd ??= Index(_repository.Diff(commit.Sha, _to));
            var map = LineMap.Identity;
            var pathHere = pathAtEnd;
            if (toEnd.TryGetValue(pathAtEnd, out var later))
            {
                if (later.OldPath is null)
                    continue;
                pathHere = later.OldPath;
                map = LineMap.From(later.Hunks);
            }

            var own = OwnLines(perParent, pathHere);
            if (own is null || own.Count == 0)
                continue;
            var lines = new SortedSet<int>();
            foreach (var line in own)
            {
                var (first, last) = map.Map(line);
                for (var at = first; at <= last; at++)
                    lines.Add(at);
            }

            list.Add((commit, lines));
        }
    }

    /// <summary>Lines of the file at the commit that its change touched, against every parent at once; null when untouched.</summary>
    private static HashSet<int>? OwnLines(List<Dictionary<string, FileChange>> perParent, string path)
    {
        HashSet<int>? own = null;
        foreach (var changes in perParent)
        {
            if (!changes.TryGetValue(path, out var change))
                return null;
            var touched = new HashSet<int>(LineMap.From(change.Hunks).TouchedNewLines());
            if (own is null)
                own = touched;
            else
                own.IntersectWith(touched);
        }

        return own;
    }

    private List<string> Parents(string sha)
    {
        // The interface has no parent list: the parents are the revisions sha^1, sha^2 … that resolve.
        var parents = new List<string>();
        for (var i = 1; ; i++)
        {
            try
            {
                parents.Add(_repository.ResolveCommit($"{sha}^{i}"));
            }
            catch (CodeRepositoryException)
            {
                return parents;
            }
        }
    }

    private static Dictionary<string, FileChange> Index(IReadOnlyList<FileChange> changes)
    {
        var index = new Dictionary<string, FileChange>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (change.NewPath is { } path)
                index[path] = change;
        }

        return index;
    }
}
