using Culprit.Model;
using Culprit.Rca.Candidates;

namespace Culprit.Rca;

/// <summary>
/// What Culprit knows about one incident's code: the commit it ran, the previous deployed commit, the frames
/// resolved to repository paths, the candidates, suspect changes and (when asked for) the RCA report.
/// <see cref="Notes"/> say what could not be done (unknown commit, no previous deploy …).
/// </summary>
public sealed record IncidentExplanation
{
    public required string IncidentId { get; init; }

    public string? Commit { get; init; }

    public string? PreviousCommit { get; init; }

    public CandidateSet? Candidates { get; init; }

    public required RcaInput Input { get; init; }

    public RcaReport? Report { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];
}
