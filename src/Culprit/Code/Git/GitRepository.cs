using LibGit2Sharp;

namespace Culprit.Code.Git;

/// <summary>
/// A git repository read through LibGit2Sharp at any commit, without a checkout. A LibGit2Sharp
/// <see cref="Repository"/> must not be used from two threads at once, so every call takes this instance's lock:
/// the indexer may share one instance between threads (calls then run one at a time), or open one per thread.
/// </summary>
public sealed class GitRepository : ICodeRepository
{
    private readonly Repository _repository;
    private readonly Lock _gate = new();
    private bool _disposed;

    private GitRepository(Repository repository, string root)
    {
        _repository = repository;
        Root = root;
    }

    public string Root { get; }

    /// <summary>
    /// Opens the repository that holds <paramref name="path"/>: a working copy, any folder inside one, or a bare
    /// repository. A missing folder or one outside any repository fails with a <see cref="CodeRepositoryException"/>.
    /// </summary>
    public static GitRepository Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        if (!Directory.Exists(full))
            throw new CodeRepositoryException($"'{path}' does not exist or is not a folder.");

        var gitDir = Repository.Discover(full);
        if (gitDir is null)
            throw new CodeRepositoryException($"'{path}' is not a git repository (no .git found in it or in a parent folder).");
        try
        {
            var repository = new Repository(gitDir);
            var root = repository.Info.WorkingDirectory ?? repository.Info.Path;
            return new GitRepository(repository, System.IO.Path.TrimEndingDirectorySeparator(root));
        }
        catch (LibGit2SharpException e)
        {
            throw new CodeRepositoryException($"'{path}' is not a readable git repository: {e.Message}", e);
        }
    }

    public string ResolveCommit(string revision) => Locked(() => Resolve(revision).Sha);

    public CommitInfo GetCommit(string revision) => Locked(() => GitCommits.Info(Resolve(revision)));

    public IReadOnlyList<RepoFile> ListFiles(string revision) => Locked(() => GitTrees.List(Resolve(revision).Tree));

    /// <summary>
    /// The file's text at the commit (UTF-8, BOM removed, invalid bytes replaced by U+FFFD); null when the path is not
    /// a file of that commit's tree, and also when the file is binary (git's test: a NUL byte in its first 8000 bytes).
    /// </summary>
    public string? ReadFile(string revision, string path) => Locked(() => GitTrees.ReadText(Resolve(revision).Tree, path));

    /// <summary>Changed files with hunks without context lines (as <c>git diff -U0 -M</c>): each hunk is one run of removed lines replaced by one run of added lines.</summary>
    public IReadOnlyList<FileChange> Diff(string fromRevision, string toRevision) =>
        Locked(() => GitDiffs.Compare(_repository, Resolve(fromRevision).Tree, Resolve(toRevision).Tree));

    public IReadOnlyList<BlameHunk> Blame(string revision, string path, int startLine, int endLine) =>
        Locked(() => GitBlame.Run(_repository, Resolve(revision), path, startLine, endLine));

    public IReadOnlyList<CommitInfo> CommitsBetween(string? fromRevision, string toRevision, string? path = null) =>
        Locked(() => GitHistory.Between(_repository, fromRevision is null ? null : Resolve(fromRevision), Resolve(toRevision), path));

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            _repository.Dispose();
        }
    }

    private Commit Resolve(string revision) => GitRevisions.Resolve(_repository, revision, Root);

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                return read();
            }
            catch (LibGit2SharpException e)
            {
                throw new CodeRepositoryException($"Reading the git repository {Root} failed: {e.Message}", e);
            }
        }
    }
}
