using Culprit.Model;
using Culprit.Rca;

namespace Culprit.Tests.Rca.Support;

/// <summary>
/// A small real fallback engine for the LLM tests (the heuristic analyst stands in at run time): it blames the
/// top candidate's failing line, or its first line.
/// </summary>
public sealed class TopCandidateEngine : IRcaEngine
{
    public string Name => "top-candidate";

    public int Calls { get; private set; }

    public Task<RcaReport> AnalyzeAsync(RcaInput input, CancellationToken cancellationToken = default)
    {
        Calls++;
        var top = input.Candidates[0];
        var line = top.FailingLine ?? top.StartLine;
        return Task.FromResult(new RcaReport
        {
            IncidentId = input.IncidentId,
            LikelyRootCause = new RootCause { FilePath = top.File, Symbol = top.Symbol, LineRange = [line, line], Confidence = 0.3, Reasoning = "the top candidate's failing line" },
            FixSuggestions = ["Look at " + top.Symbol],
            Engine = Name,
            Version = input.Version,
            Commit = input.Commit,
        });
    }
}
