using Culprit.Storage.Feedback;

namespace Culprit.Cli.Output;

/// <summary>What <c>culprit feedback list</c> shows: analyses with their verdicts, and verdict counts per engine over those analyses.</summary>
internal sealed class FeedbackView
{
    public FeedbackView(IReadOnlyList<RcaResultSummary> analyses, IReadOnlyList<FeedbackRecord> feedback)
    {
        Analyses = analyses;
        var shown = analyses.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        Verdicts = feedback.Where(f => shown.Contains(f.RcaId)).ToLookup(f => f.RcaId, StringComparer.Ordinal);
        Engines = analyses
            .GroupBy(a => a.Engine, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var all = g.SelectMany(a => Verdicts[a.Id]).ToList();
                return new EngineFeedback(
                    g.Key,
                    all.Count(f => f.Verdict == FeedbackVerdict.Accept),
                    all.Count(f => f.Verdict == FeedbackVerdict.Reject),
                    all.Count(f => f.Verdict == FeedbackVerdict.PartiallyCorrect));
            })
            .ToList();
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<RcaResultSummary> Analyses { get; }

    /// <summary>Each analysis's verdicts, newest first.</summary>
    public ILookup<string, FeedbackRecord> Verdicts { get; }

    /// <summary>Every engine that made one of the analyses, by name, with the counts of their verdicts.</summary>
    public IReadOnlyList<EngineFeedback> Engines { get; }
}
