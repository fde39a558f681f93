using Culprit.Model;

namespace Culprit.Rca.Cache;

/// <summary>
/// Analyses kept in the <c>rca_results</c> table (SQLite or PostgreSQL), by incident. Every report is stored,
/// fallbacks included, for history; only reports without a fallback are reused.
/// </summary>
public interface IRcaResultStore
{
    /// <summary>The newest reusable report for the key (one without a fallback reason), or null.</summary>
    Task<RcaReport?> FindAsync(RcaCacheKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a report under the key and returns its id. <see cref="InvalidOperationException"/> when the
    /// incident is not in the store.
    /// </summary>
    Task<string> SaveAsync(RcaCacheKey key, RcaReport report, CancellationToken cancellationToken = default);

    /// <summary>Every stored report of an incident, newest first.</summary>
    Task<IReadOnlyList<RcaReport>> ListAsync(string incidentId, CancellationToken cancellationToken = default);
}
