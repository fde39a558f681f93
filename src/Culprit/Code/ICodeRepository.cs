namespace Culprit.Code;

/// <summary>
/// A git repository read at any commit without a checkout. Revisions are full or short SHAs, tags or branch names;
/// an unknown revision, a missing path or an unreadable repository fails with a <see cref="CodeRepositoryException"/>.
/// Paths use '/' and are relative to the repository root.
/// </summary>
public interface ICodeRepository : IDisposable
{
    /// <summary>The folder of the working copy (or of the bare repository).</summary>
    string Root { get; }

    /// <summary>The full 40-digit SHA of the commit the revision names.</summary>
    string ResolveCommit(string revision);

    CommitInfo GetCommit(string revision);

    /// <summary>Every file (blob) in the commit's tree, sorted by path.</summary>
    IReadOnlyList<RepoFile> ListFiles(string revision);

    /// <summary>The file's text at the commit (UTF-8, BOM removed); null when the path is not in that commit's tree.</summary>
    string? ReadFile(string revision, string path);

    /// <summary>Files that differ from <paramref name="fromRevision"/> to <paramref name="toRevision"/>, with line hunks; renames are detected.</summary>
    IReadOnlyList<FileChange> Diff(string fromRevision, string toRevision);

    /// <summary>Which commit last changed each line of the range at the revision.</summary>
    IReadOnlyList<BlameHunk> Blame(string revision, string path, int startLine, int endLine);

    /// <summary>Commits reachable from <paramref name="toRevision"/> but not from <paramref name="fromRevision"/> (null = all), newest first, optionally only those touching a path.</summary>
    IReadOnlyList<CommitInfo> CommitsBetween(string? fromRevision, string toRevision, string? path = null);
}

public sealed record CommitInfo(string Sha, string Author, string Email, DateTimeOffset When, string Message)
{
    public string ShortSha => Sha[..Math.Min(12, Sha.Length)];

    /// <summary>The first line of the message.</summary>
    public string Summary => Message.Split('\n', 2)[0].TrimEnd('\r');
}

public sealed record RepoFile(string Path, string BlobSha, long Size);

public enum ChangeKind { Added, Deleted, Modified, Renamed, Copied }

/// <summary>One changed file; <see cref="OldPath"/> is null for added files, <see cref="NewPath"/> for deleted ones.</summary>
public sealed record FileChange(ChangeKind Kind, string? OldPath, string? NewPath, string? OldBlobSha, string? NewBlobSha, IReadOnlyList<DiffHunk> Hunks);

/// <summary>
/// A hunk of a unified diff (no context lines counted in <see cref="RemovedLines"/>/<see cref="AddedLines"/>):
/// old-side lines removed and new-side lines added, 1-based.
/// </summary>
public sealed record DiffHunk(int OldStart, int OldCount, int NewStart, int NewCount, IReadOnlyList<int> RemovedLines, IReadOnlyList<int> AddedLines);

/// <summary>Lines <see cref="StartLine"/>..+<see cref="LineCount"/>-1 of the blamed revision were last changed by <see cref="Commit"/>.</summary>
public sealed record BlameHunk(int StartLine, int LineCount, CommitInfo Commit);

public sealed class CodeRepositoryException : Exception
{
    public CodeRepositoryException(string message) : base(message) { }

    public CodeRepositoryException(string message, Exception inner) : base(message, inner) { }

    public CodeRepositoryException() { }
}
