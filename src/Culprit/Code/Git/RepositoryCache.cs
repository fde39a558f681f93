using LibGit2Sharp;

namespace Culprit.Code.Git;

/// <summary>
/// Bare mirrors of remote repositories under <c>&lt;cache&gt;/repos/</c>: cloned once, fetched on later opens. All
/// branches are fetched as local branches (<c>+refs/heads/*:refs/heads/*</c>) and all tags, so <c>main</c> and
/// <c>v1.2</c> resolve as they do in a clone. A fetch that fails (offline, host down) leaves the copy as it was.
/// </summary>
internal static class RepositoryCache
{
    private const string Remote = "origin";
    private static readonly string[] RefSpecs = ["+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"];

    public static string Ensure(string url, string cacheFolder, Action<string>? warn)
    {
        var target = Path.Combine(Path.GetFullPath(cacheFolder), "repos", RepositoryUrl.CacheName(url));
        if (Repository.IsValid(target))
        {
            try
            {
                Fetch(target);
            }
            catch (LibGit2SharpException e)
            {
                warn?.Invoke($"cannot fetch {url} ({e.Message.TrimEnd('.')}); using the cached copy in {target}");
            }

            return target;
        }

        // Clone beside the target and move it in, so that a failed or concurrent clone never leaves half a repository there.
        var temporary = target + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            Repository.Init(temporary, isBare: true);
            using (var repository = new Repository(temporary))
                repository.Network.Remotes.Add(Remote, url, RefSpecs[0]);
            Fetch(temporary);
            PointHeadAtDefaultBranch(temporary);
            Directory.Move(temporary, target);
        }
        catch (LibGit2SharpException e)
        {
            throw new CodeRepositoryException($"Cannot clone {url}: {e.Message.TrimEnd('.')}.", e);
        }
        catch (IOException) when (Repository.IsValid(target))
        {
            // Another process cloned it first: use theirs.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CodeRepositoryException($"Cannot write the repository cache {target}: {e.Message}", e);
        }
        finally
        {
            if (Directory.Exists(temporary))
                Directory.Delete(temporary, recursive: true);
        }

        return target;
    }

    private static void Fetch(string path)
    {
        using var repository = new Repository(path);
        Commands.Fetch(repository, Remote, RefSpecs, new FetchOptions { TagFetchMode = TagFetchMode.All, Prune = true }, null);
    }

    /// <summary>HEAD of the new mirror follows the remote's HEAD (its default branch), else main or master when present.</summary>
    private static void PointHeadAtDefaultBranch(string path)
    {
        using var repository = new Repository(path);
        string? branch = null;
        foreach (var reference in repository.Network.ListReferences(repository.Network.Remotes[Remote]))
        {
            if (reference.CanonicalName == "HEAD" && reference is SymbolicReference symbolic)
                branch = symbolic.TargetIdentifier;
        }

        branch ??= repository.Refs["refs/heads/main"] is not null ? "refs/heads/main"
            : repository.Refs["refs/heads/master"] is not null ? "refs/heads/master"
            : null;
        if (branch is not null && repository.Refs[branch] is not null)
            repository.Refs.UpdateTarget("HEAD", branch);
    }
}
