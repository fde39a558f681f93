namespace Culprit.Storage.Feedback;

/// <summary>
/// Analysts' verdicts on RCA results (the <c>feedback</c> table), to measure how good each engine is. Both
/// incident stores implement it. Bad input — an RCA id that is not stored, blank text — is an
/// <see cref="ArgumentException"/> with a message meant for the user, and nothing is written.
/// </summary>
public interface IFeedbackStore
{
    /// <summary>Stores a verdict on the RCA result <paramref name="rcaId"/> and returns it as stored.</summary>
    Task<FeedbackRecord> RecordFeedbackAsync(string rcaId, FeedbackVerdict verdict, string? notes, string? user, CancellationToken cancellationToken = default);

    /// <summary>The verdicts on one RCA result, oldest first.</summary>
    Task<IReadOnlyList<FeedbackRecord>> ListFeedbackAsync(string rcaId, CancellationToken cancellationToken = default);

    /// <summary>The verdicts on every RCA result of one incident (of all incidents when null), newest first.</summary>
    Task<IReadOnlyList<FeedbackRecord>> ListIncidentFeedbackAsync(string? incidentId, CancellationToken cancellationToken = default);

    /// <summary>Verdict counts per engine (of verdicts given at or after <paramref name="since"/> when set), by engine name.</summary>
    Task<IReadOnlyList<EngineFeedback>> GetEngineFeedbackAsync(DateTimeOffset? since = null, CancellationToken cancellationToken = default);

    /// <summary>Stored analyses with their ids, of one incident (of all when null), newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<RcaResultSummary>> ListRcaResultsAsync(string? incidentId, int limit = 100, CancellationToken cancellationToken = default);
}
