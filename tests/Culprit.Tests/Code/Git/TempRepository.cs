using LibGit2Sharp;

namespace Culprit.Tests.Code.Git;

/// <summary>A real git repository in a temp folder, built commit by commit with fixed authors and times.</summary>
public sealed class TempRepository : IDisposable
{
    /// <summary>The first commit's author time; each later commit is one hour after the previous.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(1));

    private readonly Repository _repository;
    private int _commits;

    public TempRepository(bool bare = false)
    {
        Folder = Directory.CreateTempSubdirectory("culprit-git-").FullName;
        Repository.Init(Folder, bare);
        _repository = new Repository(Folder);
        if (!bare)
            _repository.Refs.UpdateTarget("HEAD", "refs/heads/main");
    }

    public string Folder { get; }

    public string Url => new Uri(Folder).AbsoluteUri;

    public Repository Raw => _repository;

    /// <summary>Writes (or with null content deletes) the files and commits them; returns the full SHA.</summary>
    public string Commit(string message, params (string Path, string? Content)[] files) =>
        Commit(message, "Ada Lovelace", files);

    public string Commit(string message, string author, params (string Path, string? Content)[] files)
    {
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(Folder, path);
            if (content is null)
            {
                File.Delete(full);
            }
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, content);
            }

            Commands.Stage(_repository, path);
        }

        return CommitStaged(message, author);
    }

    public string WriteBytes(string message, string path, byte[] bytes)
    {
        var full = Path.Combine(Folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        Commands.Stage(_repository, path);
        return CommitStaged(message, "Ada Lovelace");
    }

    /// <summary>Moves a file (content unchanged) and commits.</summary>
    public string Move(string message, string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Folder, to))!);
        Commands.Move(_repository, from, to);
        return CommitStaged(message, "Ada Lovelace");
    }

    public void Branch(string name, string? at = null) =>
        _repository.CreateBranch(name, at is null ? _repository.Head.Tip : _repository.Lookup<LibGit2Sharp.Commit>(at));

    public void Checkout(string branch) => Commands.Checkout(_repository, branch, new CheckoutOptions { CheckoutModifiers = CheckoutModifiers.Force });

    /// <summary>Merges the branch into the current one with a merge commit (no fast-forward); returns its SHA.</summary>
    public string Merge(string branch)
    {
        var result = _repository.Merge(_repository.Branches[branch], Signature(), new MergeOptions { FastForwardStrategy = FastForwardStrategy.NoFastForward, CommitOnSuccess = true });
        return result.Commit.Sha;
    }

    public void Tag(string name, string sha, bool annotated)
    {
        if (annotated)
            _repository.ApplyTag(name, sha, new Signature("Ada Lovelace", "ada@example.com", Start), $"release {name}");
        else
            _repository.ApplyTag(name, sha);
    }

    public void Dispose()
    {
        _repository.Dispose();
        foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories))
            File.SetAttributes(file, FileAttributes.Normal);
        Directory.Delete(Folder, recursive: true);
    }

    private string CommitStaged(string message, string author)
    {
        var signature = Signature(author);
        return _repository.Commit(message, signature, signature, new CommitOptions { AllowEmptyCommit = true }).Sha;
    }

    private Signature Signature(string author = "Ada Lovelace")
    {
        var when = Start.AddHours(_commits++);
        return new Signature(author, author.Split(' ')[0].ToLowerInvariant() + "@example.com", when);
    }
}
