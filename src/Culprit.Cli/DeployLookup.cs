using Culprit.Model;
using Culprit.Storage;

namespace Culprit.Cli;

/// <summary>
/// The recorded deploys, loaded once, answering the explainer's two questions: which (version, commit) was live
/// for an entry, and which commit was deployed before a version. An entry's service is its <c>service</c> field,
/// else its log file's name without extension (<c>checkout-service.log</c> → <c>checkout-service</c>); its
/// environment is its own, else the service's only one.
/// </summary>
public sealed class DeployLookup
{
    private readonly IReadOnlyList<DeployRecord> _deploys;

    private DeployLookup(IReadOnlyList<DeployRecord> deploys) => _deploys = deploys;

    public static DeployLookup From(IEnumerable<DeployRecord> deploys) => new([.. deploys]);

    public static async Task<DeployLookup> LoadAsync(IDeployStore store, CancellationToken cancellationToken) =>
        new(await store.ListDeploysAsync(cancellationToken: cancellationToken));

    public int Count => _deploys.Count;


    public (string? Version, string? Commit) DeployOf(LogEntry entry)
    {
        var of = Of(entry);
        if (of.Count == 0)
            return (null, null);
        if (entry.Version is { } version && of.FirstOrDefault(d => d.Version == version) is { } byVersion)
            return (byVersion.Version, byVersion.CommitSha);
        if (entry.Timestamp is not { } at)
            return (null, null);
        var live = of.Where(d => d.DeployedAt <= at).MaxBy(d => d.DeployedAt);
        return live is null ? (null, null) : (live.Version, live.CommitSha);
    }

    public string? PreviousOf(LogEntry entry, string? version)
    {
        var of = Of(entry);
        var current = version is null ? null : of.Where(d => d.Version == version).MaxBy(d => d.DeployedAt);
        if (current is null && entry.Timestamp is { } at)
            current = of.Where(d => d.DeployedAt <= at).MaxBy(d => d.DeployedAt);
        if (current is null)
            return null;
        return of.Where(d => d.DeployedAt < current.DeployedAt && d.Version != current.Version && d.CommitSha is not null)
            .MaxBy(d => d.DeployedAt)?.CommitSha;
    }

    private List<DeployRecord> Of(LogEntry entry)
    {
        var service = Pipeline.DeployedService.Of(entry);
        if (service is null)
            return [];
        var of = _deploys.Where(d => d.Service == service).ToList();
        if (entry.Environment is { } environment)
            return of.Where(d => d.Environment == environment).ToList();
        return of.Select(d => d.Environment).Distinct(StringComparer.Ordinal).Count() == 1 ? of : [];
    }
}
