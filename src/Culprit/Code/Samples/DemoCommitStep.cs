namespace Culprit.Code.Samples;

/// <summary>
/// One commit of the demo history (samples/history/commits.json). A <see cref="Previous"/> step adds a whole
/// service as it was at its previous deploy; any other step brings the listed files to their current version.
/// </summary>
/// <param name="Files">Paths relative to the service folder, or to the repository root when there is no service.</param>
internal sealed record DemoCommitStep(
    string AuthorName,
    string AuthorEmail,
    DateTimeOffset When,
    string Message,
    string? Service,
    bool Previous,
    IReadOnlyList<string> Files);
