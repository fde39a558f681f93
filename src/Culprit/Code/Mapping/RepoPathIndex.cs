namespace Culprit.Code.Mapping;

/// <summary>
/// The file paths of one commit, looked up by a printed path: first through the code mappings, then exactly, then
/// by the longest unique run of trailing path segments (<c>/srv/app/orders/service.py</c> finds
/// <c>src/orders/service.py</c>).
/// </summary>
public sealed class RepoPathIndex
{
    private readonly HashSet<string> _paths;
    private readonly Dictionary<string, List<string>> _byFileName;
    private readonly Dictionary<string, List<string>> _byFileNameIgnoringCase;
    private readonly IReadOnlyList<CodeMapping> _mappings;

    public RepoPathIndex(IEnumerable<string> paths, IReadOnlyList<CodeMapping>? mappings = null)
    {
        _paths = new HashSet<string>(paths, StringComparer.Ordinal);
        _byFileName = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        _byFileNameIgnoringCase = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in _paths)
        {
            var name = FileName(path);
            Add(_byFileName, name, path);
            Add(_byFileNameIgnoringCase, name, path);
        }
        _mappings = [.. (mappings ?? []).OrderByDescending(m => m.From.Length)];
    }

    public int Count => _paths.Count;

    /// <summary>Every path, sorted.</summary>
    public IReadOnlyList<string> All => [.. _paths.Order(StringComparer.Ordinal)];

    public bool Contains(string path) => _paths.Contains(path);

    /// <summary>The repository path a printed path stands for, how it was found, or why none was.</summary>
    public (string? Path, string Method, string? Note) Find(string printedPath)
    {
        var path = PrintedPaths.Normalize(printedPath);
        if (path.Length == 0)
            return (null, "", $"'{printedPath}' is not a file path");
        foreach (var mapping in _mappings)
        {
            if (!path.StartsWith(mapping.From, StringComparison.Ordinal))
                continue;
            var mapped = mapping.To + path[mapping.From.Length..];
            if (_paths.Contains(mapped))
                return (mapped, "mapping", null);
            path = mapped;
            break;
        }
        var relative = path.TrimStart('/');
        if (_paths.Contains(relative))
            return (relative, "exact", null);
        return FindBySuffix(relative);
    }

    /// <summary>The path with the most trailing segments in common with <paramref name="path"/>; ties are ambiguous.</summary>
    public (string? Path, string Method, string? Note) FindBySuffix(string path)
    {
        var name = FileName(path);
        if (!_byFileName.TryGetValue(name, out var candidates) && !_byFileNameIgnoringCase.TryGetValue(name, out candidates))
            return (null, "", $"no file named '{name}' in the repository");
        if (candidates.Count == 1)
            return (candidates[0], "suffix", null);
        var segments = path.Split('/');
        string? best = null;
        var bestScore = -1;
        var tied = 0;
        foreach (var candidate in candidates)
        {
            var score = CommonTail(segments, candidate.Split('/'));
            if (score > bestScore)
            {
                (best, bestScore, tied) = (candidate, score, 1);
            }
            else if (score == bestScore)
            {
                tied++;
            }
        }
        if (tied == 1)
            return (best, "suffix", null);
        return (null, "", $"ambiguous: {tied} files end with '{string.Join('/', segments[^bestScore..])}'; add a code mapping");
    }

    private static int CommonTail(string[] a, string[] b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && string.Equals(a[^(n + 1)], b[^(n + 1)], StringComparison.Ordinal))
            n++;
        return n;
    }

    private static string FileName(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? path : path[(slash + 1)..];
    }

    private static void Add(Dictionary<string, List<string>> map, string key, string path)
    {
        if (!map.TryGetValue(key, out var list))
            map[key] = list = [];
        list.Add(path);
    }
}
