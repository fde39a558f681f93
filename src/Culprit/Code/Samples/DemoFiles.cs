namespace Culprit.Code.Samples;

/// <summary>Which sample file each demo commit writes where: samples/src/&lt;service&gt;/… becomes &lt;service&gt;/… in the repository.</summary>
internal static class DemoFiles
{
    /// <summary>The (repository path, file on disk) pairs a step writes, in path order.</summary>
    public static IEnumerable<(string RepoPath, string File)> Of(string samplesFolder, DemoCommitStep step)
    {
        var src = Path.Combine(samplesFolder, "src");
        if (step.Previous)
        {
            var root = Path.Combine(src, step.Service!);
            if (!Directory.Exists(root))
                throw new InvalidDataException($"{root}: no sources for service {step.Service}");
            foreach (var relative in Relative(root))
            {
                var older = Path.Combine(samplesFolder, "history", step.Service!, relative);
                yield return ($"{step.Service}/{relative}", File.Exists(older) ? older : Path.Combine(root, relative));
            }

            yield break;
        }

        foreach (var file in step.Files)
        {
            var repoPath = step.Service is null ? file : $"{step.Service}/{file}";
            var path = Path.Combine(src, repoPath);
            if (!File.Exists(path))
                throw new InvalidDataException($"commits.json names {repoPath}, which is not in {src}");
            yield return (repoPath, path);
        }
    }

    /// <summary>Fails unless the last commit holds exactly samples/src: every current change was made by some commit.</summary>
    public static void CheckComplete(string samplesFolder, IReadOnlyList<List<(string RepoPath, string File)>> writes)
    {
        var last = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var step in writes)
        {
            foreach (var (repoPath, file) in step)
                last[repoPath] = file;
        }

        var src = Path.Combine(samplesFolder, "src");
        var problems = new List<string>();
        foreach (var relative in Relative(src))
        {
            if (!last.TryGetValue(relative, out var file))
                problems.Add($"{relative} is in no commit");
            else if (!File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(src, relative))))
                problems.Add($"{relative} differs from samples/src at the last commit (no commit lists it)");
        }

        if (problems.Count > 0)
            throw new InvalidDataException("the demo history does not end at samples/src: " + string.Join("; ", problems));
    }

    /// <summary>Files under <paramref name="root"/> as '/'-separated relative paths, in ordinal order.</summary>
    private static List<string> Relative(string root)
    {
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
