using Culprit.Code.Git;

namespace Culprit.Code;

/// <summary>Opens the repository a user names, by local path or by URL.</summary>
public static class CodeRepositories
{
    /// <summary>
    /// A local path (a working copy, a folder inside one, or a bare repository) opens in place. A URL
    /// (<c>https://</c>, <c>ssh://</c>, <c>git@host:path</c>, <c>file://</c>) is cloned bare into
    /// <c>&lt;cacheFolder&gt;/repos/&lt;name&gt;-&lt;hash&gt;</c> the first time and fetched on later opens; when the fetch
    /// fails, <paramref name="warn"/> hears why and the cached copy is used. Failures throw <see cref="CodeRepositoryException"/>.
    /// </summary>
    public static ICodeRepository Open(string pathOrUrl, string cacheFolder, Action<string>? warn = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathOrUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(cacheFolder);
        return RepositoryUrl.IsRemote(pathOrUrl)
            ? GitRepository.Open(RepositoryCache.Ensure(pathOrUrl, cacheFolder, warn))
            : GitRepository.Open(pathOrUrl);
    }

    /// <summary>
    /// What identifies the repository in the code index: the URL as given for a remote one, the repository's root
    /// folder for a local path (so a folder inside the working copy names the same repository).
    /// </summary>
    public static string Location(string pathOrUrl, ICodeRepository repository) =>
        RepositoryUrl.IsRemote(pathOrUrl) ? pathOrUrl : repository.Root;
}
