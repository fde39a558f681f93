using Culprit.Rca;

namespace Culprit.Code.Changes;

/// <summary>Turns suspect changes into the RCA input's summaries: one per (function, commit), newest commit first.</summary>
public static class SuspectChangeSummaries
{
    /// <summary>A change no commit of the range explains (N is not a descendant of N-1, as after a rollback) gives no summary.</summary>
    public static IReadOnlyList<SuspectChangeSummary> From(IEnumerable<SuspectChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var summaries = new List<SuspectChangeSummary>();
        foreach (var change in changes)
        {
            foreach (var commit in change.Commits)
            {
                var c = commit.Commit;
                summaries.Add(new SuspectChangeSummary(c.Sha, c.Author, c.When, c.Summary, change.Path, change.Symbol, commit.ChangedLines));
            }
        }

        // Stable: equal times keep the order of the functions given.
        return [.. summaries.OrderByDescending(s => s.When)];
    }
}
