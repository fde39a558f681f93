using LibGit2Sharp;

namespace Culprit.Code.Samples;

/// <summary>
/// Builds the git repository of the demo's four sample services from the shipped samples: each service's
/// previous deploy (samples/src with samples/history laid over it), then the commits that led to the current
/// deploy (samples/src), one per change, with the authors, dates and messages of samples/history/commits.json.
/// </summary>
/// <remarks>
/// The repository is a monorepo with one folder per service (<c>checkout-service/</c>, <c>payments-api/</c>, …).
/// Every deploy of samples/deploys.json is tagged <c>&lt;service&gt;-v&lt;version&gt;</c> at the newest commit
/// made before it went out. Objects are written straight to the object database (no index, no filters) with
/// fixed signatures, so the commit SHAs are the same on every machine and every run.
/// </remarks>
public static class DemoRepository
{
    private const string Branch = "refs/heads/main";

    /// <summary>Builds the repository at <paramref name="targetFolder"/>, which must be missing or empty.</summary>
    /// <param name="clock">Stamps <see cref="DemoRepositoryInfo.BuiltAt"/> only; commit dates come from the samples.</param>
    /// <exception cref="IOException">The target folder is not empty.</exception>
    /// <exception cref="InvalidDataException">The samples are inconsistent (a missing file, a change no commit makes).</exception>
    public static DemoRepositoryInfo Build(string samplesFolder, string targetFolder, TimeProvider clock)
    {
        var plan = DemoPlan.Load(samplesFolder);
        var target = Path.GetFullPath(targetFolder);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new IOException($"cannot build the demo repository in {target}: the folder is not empty");

        Repository.Init(target);
        using var repo = new Repository(target);

        var tree = new SortedDictionary<string, ObjectId>(StringComparer.Ordinal);
        var made = new List<(DemoCommitStep Step, Commit Commit)>();
        Commit? parent = null;
        foreach (var step in plan.Commits)
        {
            foreach (var (repoPath, file) in DemoFiles.Of(samplesFolder, step))
                tree[repoPath] = WriteBlob(repo, file);

            var definition = new TreeDefinition();
            foreach (var (repoPath, blob) in tree)
                definition.Add(repoPath, blob, Mode.NonExecutableFile);
            var signature = new Signature(step.AuthorName, step.AuthorEmail, step.When);
            parent = repo.ObjectDatabase.CreateCommit(
                signature, signature, step.Message, repo.ObjectDatabase.CreateTree(definition), parent is null ? [] : [parent], prettifyMessage: true);
            repo.Refs.Add(Branch, parent.Id, allowOverwrite: true);
            made.Add((step, parent));
        }

        if (parent is null)
            throw new InvalidDataException($"{samplesFolder}: the demo history has no commits");
        DemoFiles.CheckComplete(samplesFolder, tree);
        repo.Refs.UpdateTarget(repo.Refs.Head, repo.Refs[Branch]);

        var services = Tag(repo, plan, made);
        repo.Reset(ResetMode.Hard, parent);
        return new DemoRepositoryInfo(target, parent.Sha, services, clock.GetUtcNow());
    }

    private static ObjectId WriteBlob(Repository repo, string file)
    {
        // The bytes as shipped: no hint path, so no gitattributes or autocrlf filter can change the SHA.
        using var stream = File.OpenRead(file);
        return repo.ObjectDatabase.CreateBlob(stream).Id;
    }

    private static List<DemoServiceDeploys> Tag(Repository repo, DemoPlan plan, List<(DemoCommitStep Step, Commit Commit)> made)
    {
        var byService = new List<DemoServiceDeploys>();
        foreach (var group in plan.Deploys.GroupBy(d => d.Service, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(d => d.DeployedAt).ToList();
            if (ordered.Count < 2)
                throw new InvalidDataException($"deploys.json: {group.Key} needs a previous and a current deploy");
            var deploys = new List<DemoDeploy>();
            foreach (var entry in ordered)
            {
                var commit = made.LastOrDefault(m => m.Step.When <= entry.DeployedAt).Commit
                    ?? throw new InvalidDataException($"deploys.json: {entry.Service} {entry.Version} went out before the first commit");
                repo.Tags.Add($"{entry.Service}-v{entry.Version}", commit);
                deploys.Add(new DemoDeploy(entry.Version, commit.Sha, entry.DeployedAt));
            }

            byService.Add(new DemoServiceDeploys(group.Key, ordered[^1].Environment, deploys[^2], deploys[^1]));
        }

        return byService;
    }
}
