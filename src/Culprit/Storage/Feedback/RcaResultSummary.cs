namespace Culprit.Storage.Feedback;

/// <summary>
/// One stored analysis as a row of a list: its id (what feedback refers to), the incident, engine and version,
/// the suspect it named and how sure it was.
/// </summary>
public sealed record RcaResultSummary(
    string Id,
    string IncidentId,
    string Engine,
    string? Version,
    string? SuspectedFile,
    string? SuspectedSymbol,
    double? Confidence,
    string? FallbackReason,
    DateTimeOffset CreatedAt);
