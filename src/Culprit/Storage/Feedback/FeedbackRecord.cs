namespace Culprit.Storage.Feedback;

/// <summary>
/// One verdict on one RCA result (<c>rca_results.id</c>), with the incident and engine of that result so that
/// feedback can be read per incident and per engine. <see cref="User"/> is whoever the caller names (a user name or id).
/// </summary>
public sealed record FeedbackRecord(
    string Id,
    string RcaId,
    string IncidentId,
    string Engine,
    FeedbackVerdict Verdict,
    string? Notes,
    string? User,
    DateTimeOffset CreatedAt);
