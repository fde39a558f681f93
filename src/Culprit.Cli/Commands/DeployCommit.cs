using Culprit.Code;

namespace Culprit.Cli.Commands;

/// <summary>The commit of <c>deploy record</c>: a full SHA as given, or any revision resolved in <c>--repo</c>.</summary>
internal static class DeployCommit
{
    public static string Resolve(string commit, string? repo, string dataDirectory, TextWriter warnings)
    {
        commit = commit.Trim();
        if (repo is null)
        {
            return IsFullSha(commit)
                ? commit.ToLowerInvariant()
                : throw new UsageException($"--commit: '{commit}' is not a full 40-digit SHA; give the full SHA, or --repo DIR to resolve a short SHA, tag or branch");
        }

        try
        {
            using var repository = CodeRepositories.Open(repo, dataDirectory, message => warnings.WriteLine($"culprit: warning: {message}"));
            return repository.ResolveCommit(commit);
        }
        catch (CodeRepositoryException e)
        {
            throw new UsageException($"--commit: {e.Message}");
        }
    }

    private static bool IsFullSha(string text)
    {
        if (text.Length != 40)
            return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
                return false;
        }

        return true;
    }
}
