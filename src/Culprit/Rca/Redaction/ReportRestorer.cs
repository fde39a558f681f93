using Culprit.Model;

namespace Culprit.Rca.Redaction;

/// <summary>Puts the masked values back into every string field of a report, for the copy shown and stored locally.</summary>
public static class ReportRestorer
{
    public static RcaReport Restore(RcaReport report, RedactionMap map)
    {
        if (map.Count == 0)
            return report;
        return report with
        {
            IncidentId = map.Restore(report.IncidentId),
            LikelyRootCause = report.LikelyRootCause with
            {
                FilePath = map.Restore(report.LikelyRootCause.FilePath),
                Symbol = map.Restore(report.LikelyRootCause.Symbol),
                Reasoning = map.Restore(report.LikelyRootCause.Reasoning),
            },
            SupportingEvidence = All(report.SupportingEvidence, map),
            InvolvedParameters = [.. report.InvolvedParameters.Select(p => p with
            {
                Name = map.Restore(p.Name),
                Value = map.Restore(p.Value),
                WhyRelevant = map.Restore(p.WhyRelevant),
            })],
            FixSuggestions = All(report.FixSuggestions, map),
            TestsToAdd = All(report.TestsToAdd, map),
            Engine = map.Restore(report.Engine),
            Version = Maybe(report.Version, map),
            Commit = Maybe(report.Commit, map),
            FallbackReason = Maybe(report.FallbackReason, map),
            Candidates = [.. report.Candidates.Select(c => c with { File = map.Restore(c.File), Symbol = map.Restore(c.Symbol) })],
        };
    }

    private static string[] All(IReadOnlyList<string> texts, RedactionMap map) => [.. texts.Select(map.Restore)];

    private static string? Maybe(string? text, RedactionMap map) => text is null ? null : map.Restore(text);
}
