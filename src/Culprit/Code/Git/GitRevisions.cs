using LibGit2Sharp;

namespace Culprit.Code.Git;

/// <summary>Turns a revision (full or short SHA, tag, branch, <c>HEAD~1</c>, <c>v2^</c> …) into its commit, with messages that name it.</summary>
internal static class GitRevisions
{
    public static Commit Resolve(Repository repository, string revision, string root)
    {
        if (string.IsNullOrWhiteSpace(revision))
            throw new CodeRepositoryException("An empty revision names no commit.");

        GitObject? found;
        try
        {
            found = repository.Lookup(revision);
        }
        catch (AmbiguousSpecificationException e)
        {
            throw new CodeRepositoryException($"'{revision}' is ambiguous in {root}: several objects start with it; give more digits of the SHA.", e);
        }
        catch (Exception e) when (e is InvalidSpecificationException or NotFoundException or LibGit2SharpException)
        {
            throw new CodeRepositoryException($"Unknown revision '{revision}' in {root}.", e);
        }

        if (found is null)
            throw new CodeRepositoryException($"Unknown revision '{revision}' in {root}.");
        if (found is Commit commit)
            return commit;
        try
        {
            // An annotated tag (possibly of a tag) peels to its commit.
            return found.Peel<Commit>();
        }
        catch (LibGit2SharpException e)
        {
            throw new CodeRepositoryException($"'{revision}' in {root} names a {found.GetType().Name.ToLowerInvariant()}, not a commit.", e);
        }
    }
}
