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

        // Every file is found and the history checked before anything is written, so bad samples leave no half-built repository.
        var writes = plan.Commits.Select(step => DemoFiles.Of(samplesFolder, step).ToList()).ToList();
        if (writes.Count == 0)
            throw new InvalidDataException($"{samplesFolder}: the demo history has no commits");
        DemoFiles.CheckComplete(samplesFolder, writes);
        var deploys = Deploys(plan);

        Repository.Init(target);
        using var repo = new Repository(target);
        var tree = new SortedDictionary<string, ObjectId>(StringComparer.Ordinal);
        var made = new List<Commit>();
        Commit? parent = null;
        for (var i = 0; i < writes.Count; i++)
        {
            foreach (var (repoPath, file) in writes[i])
                tree[repoPath] = WriteBlob(repo, file);

            var definition = new TreeDefinition();
            foreach (var (repoPath, blob) in tree)
                definition.Add(repoPath, blob, Mode.NonExecutableFile);
            var step = plan.Commits[i];
            var signature = new Signature(step.AuthorName, step.AuthorEmail, step.When);
            parent = repo.ObjectDatabase.CreateCommit(
                signature, signature, step.Message, repo.ObjectDatabase.CreateTree(definition), parent is null ? [] : [parent], prettifyMessage: true);
            repo.Refs.Add(Branch, parent.Id, allowOverwrite: true);
            made.Add(parent);
        }

        repo.Refs.UpdateTarget(repo.Refs.Head, repo.Refs[Branch]);
        var services = Tag(repo, deploys, made);
        repo.Reset(ResetMode.Hard, parent!);
        return new DemoRepositoryInfo(target, parent!.Sha, services, clock.GetUtcNow());
    }

    private static ObjectId WriteBlob(Repository repo, string file)
    {
        // The bytes as shipped: no hint path, so no gitattributes or autocrlf filter can change the SHA.
        using var stream = File.OpenRead(file);
        return repo.ObjectDatabase.CreateBlob(stream).Id;
    }

    /// <summary>Each service's deploys in time order, with the index of the newest commit made before each went out.</summary>
    private static List<(string Service, List<(DemoDeployEntry Entry, int Commit)> Deploys)> Deploys(DemoPlan plan)
    {
        var services = new List<(string, List<(DemoDeployEntry, int)>)>();
        foreach (var group in plan.Deploys.GroupBy(d => d.Service, StringComparer.Ordinal))
        {
            var deploys = new List<(DemoDeployEntry, int)>();
            foreach (var entry in group.OrderBy(d => d.DeployedAt))
            {
                var commit = -1;
                for (var i = 0; i < plan.Commits.Count && plan.Commits[i].When <= entry.DeployedAt; i++)
                    commit = i;
                if (commit < 0)
                    throw new InvalidDataException($"deploys.json: {entry.Service} {entry.Version} went out before the first commit");
                deploys.Add((entry, commit));
            }

            if (deploys.Count < 2)
                throw new InvalidDataException($"deploys.json: {group.Key} needs a previous and a current deploy");
            services.Add((group.Key, deploys));
        }

        return services;
    }

    private static List<DemoServiceDeploys> Tag(
        Repository repo, List<(string Service, List<(DemoDeployEntry Entry, int Commit)> Deploys)> deploys, List<Commit> commits)
    {
        var services = new List<DemoServiceDeploys>();
        foreach (var (service, entries) in deploys)
        {
            var tagged = new List<DemoDeploy>();
            foreach (var (entry, index) in entries)
            {
                repo.Tags.Add($"{service}-v{entry.Version}", commits[index]);
                tagged.Add(new DemoDeploy(entry.Version, commits[index].Sha, entry.DeployedAt));
            }

            services.Add(new DemoServiceDeploys(service, entries[^1].Entry.Environment, tagged[^2], tagged[^1]));
        }

        return services;
    }
}
