namespace Culprit.Code.Index;

/// <summary>Among a repository's indexed commits, the ancestor of a commit fewest commits away from it.</summary>
public static class NearestIndexedCommit
{
    /// <summary>
    /// The nearest of <paramref name="indexed"/> that is <paramref name="commit"/> or one of its ancestors, with the
    /// number of commits between them; null when none is. Commits missing from the repository are ignored.
    /// </summary>
    public static (string Sha, int Distance)? Find(ICodeRepository repository, string commit, IEnumerable<string> indexed)
    {
        (string Sha, int Distance)? best = null;
        foreach (var candidate in indexed)
        {
            if (candidate == commit)
                return (candidate, 0);
            try
            {
                // An ancestor has nothing the commit cannot reach.
                if (repository.CommitsBetween(commit, candidate).Count > 0)
                    continue;
                var distance = repository.CommitsBetween(candidate, commit).Count;
                if (best is null || distance < best.Value.Distance)
                    best = (candidate, distance);
            }
            catch (CodeRepositoryException)
            {
                // Indexed from a history this clone no longer has (a rewritten branch): not a candidate.
            }
        }

        return best;
    }
}
