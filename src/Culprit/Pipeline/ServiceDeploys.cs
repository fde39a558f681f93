using Culprit.Storage;

namespace Culprit.Pipeline;

/// <summary>
/// One service's deploys per environment, oldest first. An entry without an environment uses the deploys recorded
/// without one, or, when there are none, the service's only environment (a service deployed to several environments
/// gives such an entry no version: guessing one would be wrong half the time).
/// </summary>
internal sealed class ServiceDeploys
{
    private readonly Dictionary<string, DeployRecord[]> _byEnvironment = new(StringComparer.Ordinal);

    public ServiceDeploys(IReadOnlyList<DeployRecord> newestFirst, DateTimeOffset readAt)
    {
        ReadAt = readAt;
        foreach (var group in newestFirst.GroupBy(d => d.Environment, StringComparer.Ordinal))
            _byEnvironment[group.Key] = [.. group.Reverse()];
    }

    public DateTimeOffset ReadAt { get; }

    /// <summary>The latest deploy at or before the time.</summary>
    public DeployRecord? ActiveAt(string? environment, DateTimeOffset at)
    {
        if (Of(environment) is not { } deploys)
            return null;
        int low = 0, high = deploys.Length - 1, found = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (deploys[middle].DeployedAt <= at)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found < 0 ? null : deploys[found];
    }

    /// <summary>The latest deploy of the version (to learn its commit).</summary>
    public DeployRecord? OfVersion(string? environment, string version) =>
        Of(environment)?.LastOrDefault(d => d.Version == version && d.CommitSha is not null);

    /// <summary>The latest deploy of a commit given in full or as a prefix of at least 7 digits (to learn its version).</summary>
    public DeployRecord? OfCommit(string? environment, string sha) =>
        sha.Length < 7 ? null : Of(environment)?.LastOrDefault(d => d.CommitSha is { } full && full.StartsWith(sha, StringComparison.OrdinalIgnoreCase));

    private DeployRecord[]? Of(string? environment)
    {
        if (_byEnvironment.TryGetValue(environment ?? "", out var deploys))
            return deploys;
        return environment is null && _byEnvironment.Count == 1 ? _byEnvironment.Values.First() : null;
    }
}
