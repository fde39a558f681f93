using Culprit.Storage.Feedback;
using Culprit.Storage.SavedQueries;

namespace Culprit.Storage.Postgres;

/// <summary>Feedback on analyses and saved queries, in the same database as the incidents.</summary>
public sealed partial class PostgresIncidentStore : IFeedbackStore, ISavedQueryStore
{
    public Task<FeedbackRecord> RecordFeedbackAsync(string rcaId, FeedbackVerdict verdict, string? notes, string? user, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => PostgresFeedback.RecordAsync(connection, rcaId, verdict, notes, user, _time.GetUtcNow(), cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<FeedbackRecord>> ListFeedbackAsync(string rcaId, CancellationToken cancellationToken = default) =>
        await _database.RunAsync(connection => PostgresFeedback.ListAsync(connection, rcaId, cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<FeedbackRecord>> ListIncidentFeedbackAsync(string? incidentId, CancellationToken cancellationToken = default) =>
        await _database.RunAsync(connection => PostgresFeedback.ListIncidentAsync(connection, incidentId, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<EngineFeedback>> GetEngineFeedbackAsync(DateTimeOffset? since = null, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => PostgresFeedback.PerEngineAsync(connection, since, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<RcaResultSummary>> ListRcaResultsAsync(string? incidentId, int limit = 100, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => PostgresFeedback.ListResultsAsync(connection, incidentId, limit, cancellationToken), cancellationToken);

    public Task<SavedQuery> SaveQueryAsync(string name, string queryJson, string? ownerId, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => PostgresSavedQueries.SaveAsync(connection, name, queryJson, ownerId, _time.GetUtcNow(), cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<SavedQuery>> ListQueriesAsync(string? ownerId, CancellationToken cancellationToken = default) =>
        await _database.RunAsync(connection => PostgresSavedQueries.ListAsync(connection, ownerId, cancellationToken), cancellationToken);

    public Task<SavedQuery?> GetQueryAsync(string id, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => PostgresSavedQueries.GetAsync(connection, id, cancellationToken), cancellationToken);

    public Task<bool> RenameQueryAsync(string id, string newName, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => PostgresSavedQueries.RenameAsync(connection, id, newName, _time.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<bool> DeleteQueryAsync(string id, CancellationToken cancellationToken = default) =>
        _database.RunAsync(connection => PostgresSavedQueries.DeleteAsync(connection, id, cancellationToken), cancellationToken);
}
