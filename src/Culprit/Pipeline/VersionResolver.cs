using Culprit.Model;
using Culprit.Storage;

namespace Culprit.Pipeline;

/// <summary>
/// Gives an entry its (version, commit): what the log line says when it says it, else the deploy that was live for
/// its service and environment at its time. Deploys are read once per service and kept sorted in memory (read again
/// after <see cref="RefreshAfter"/>, so a long run sees deploys recorded meanwhile); a lookup is a binary search.
/// </summary>
public sealed class VersionResolver
{
    /// <summary>How long a service's deploys are used before they are read again.</summary>
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(1);

    private readonly IDeployStore _store;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, ServiceDeploys> _services = new(StringComparer.Ordinal);

    public VersionResolver(IDeployStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    /// <summary>Fills the entry's missing version and commit from the deploys; what the entry carries is kept.</summary>
    public async ValueTask ApplyAsync(LogEntry entry, CancellationToken cancellationToken = default)
    {
        if (entry.Version is not null && entry.CommitSha is not null || DeployedService.Of(entry) is not { } service)
            return;
        var deploys = await DeploysAsync(service, cancellationToken);
        var match = entry.Version is { } version ? deploys.OfVersion(entry.Environment, version)
            : entry.CommitSha is { } sha ? deploys.OfCommit(entry.Environment, sha)
            : entry.Timestamp is { } at ? deploys.ActiveAt(entry.Environment, at)
            : null;
        if (match is null)
            return;
        entry.Version ??= match.Version;
        entry.CommitSha ??= match.CommitSha;
    }

    /// <summary>The (version, commit) an entry was produced by, without changing it.</summary>
    public async ValueTask<(string? Version, string? CommitSha)> ResolveAsync(LogEntry entry, CancellationToken cancellationToken = default)
    {
        var copy = new LogEntry { Service = entry.Service, Environment = entry.Environment, Version = entry.Version, CommitSha = entry.CommitSha, Timestamp = entry.Timestamp, Position = entry.Position };
        await ApplyAsync(copy, cancellationToken);
        return (copy.Version, copy.CommitSha);
    }

    private async ValueTask<ServiceDeploys> DeploysAsync(string service, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_services.TryGetValue(service, out var known) && now - known.ReadAt < RefreshAfter)
            return known;
        var deploys = await _store.ListDeploysAsync(service, cancellationToken: cancellationToken);
        var fresh = new ServiceDeploys(deploys, now);
        _services[service] = fresh;
        return fresh;
    }
}
