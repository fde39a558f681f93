namespace Culprit.Storage;

/// <summary>
/// Deploys kept beside the incidents, so that an occurrence without a version in its log line gets the version that
/// was live when it happened, and an incident's code can be compared with the previous deploy's. Both incident
/// stores implement it.
/// </summary>
public interface IDeployStore
{
    /// <summary>Stores the deploy; false when the same (service, environment, version, time) is already there.</summary>
    Task<bool> RecordDeployAsync(DeployRecord deploy, CancellationToken cancellationToken = default);

    /// <summary>Deploys newest first, of one service and/or environment when given, at most <paramref name="limit"/> when given.</summary>
    Task<IReadOnlyList<DeployRecord>> ListDeploysAsync(string? service = null, string? environment = null, int? limit = null, CancellationToken cancellationToken = default);

    /// <summary>The deploy live at <paramref name="at"/>: the latest one deployed at or before it; null when none was.</summary>
    Task<DeployRecord?> GetActiveDeployAsync(string service, string environment, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// The deploy live before <paramref name="version"/> (for "what changed since N-1"): the latest deploy of another
    /// version before the latest deploy of this one; null when the version was never deployed or nothing came before.
    /// </summary>
    Task<DeployRecord?> GetPreviousDeployAsync(string service, string environment, string version, CancellationToken cancellationToken = default);
}
