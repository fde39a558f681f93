using Culprit.Model;

namespace Culprit.Storage;

/// <summary>
/// Incidents, their occurrences and hourly counts, status history and source checkpoints. A database that
/// cannot be opened, is corrupted or was written by a newer Culprit fails with a <see cref="StorageException"/>.
/// </summary>
public interface IIncidentStore : IAsyncDisposable
{
    /// <summary>Applies pending migrations, holding a lock so that two processes never migrate at once.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a batch in one transaction: upserts incidents by fingerprint (counts add, first/last seen widen,
    /// services and versions union), inserts occurrences that are not there yet (by source and line) — only
    /// those count, per incident and per hour — and sets the checkpoints. A resolved incident that gets an
    /// occurrence later than its resolution becomes regressed, with the change in its history.
    /// </summary>
    Task CommitAsync(IncidentBatch batch, CancellationToken cancellationToken = default);

    Task<SourceCheckpoint?> GetCheckpointAsync(string source, CancellationToken cancellationToken = default);

    /// <summary>Incidents matching the filter, largest count first.</summary>
    Task<IReadOnlyList<IncidentRecord>> ListIncidentsAsync(IncidentFilter filter, CancellationToken cancellationToken = default);

    Task<IncidentRecord?> GetIncidentAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Occurrence counts per hour (UTC) of one incident, oldest first.</summary>
    Task<IReadOnlyList<(DateTimeOffset Hour, long Count)>> GetHourlyCountsAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets the status and records the change in the history; false when the incident does not exist.
    /// Setting the status it already has records nothing.
    /// </summary>
    Task<bool> SetStatusAsync(string id, IncidentStatus status, string? actor, string? note, CancellationToken cancellationToken = default);

    /// <summary>The incident's status changes, oldest first.</summary>
    Task<IReadOnlyList<StatusChange>> GetStatusHistoryAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Clears stored samples of occurrences older than the cutoff (counts stay); returns how many.</summary>
    Task<long> DropSamplesOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}
