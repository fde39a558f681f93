using Culprit.Code;
using Culprit.Model;

namespace Culprit.Rca.Candidates;

/// <summary>What candidate selection starts from: the exception chain, the code at the incident's commit, and optional evidence.</summary>
public sealed record CandidateRequest
{
    public required ExceptionInfo Exception { get; init; }

    public required ICodeView Code { get; init; }

    public IReadOnlyList<SuspectChangeSummary> SuspectChanges { get; init; } = [];

    /// <summary>Chunks most similar to a query text (the trace and message), best first, with similarity in [0, 1]; null without an index.</summary>
    public Func<string, int, IReadOnlyList<(string Path, CodeSymbol Symbol, double Similarity)>>? Similar { get; init; }

    public int MaxCandidates { get; init; } = 5;

    /// <summary>Lines of code shown per candidate around the failing line (the whole function when it is shorter).</summary>
    public int MaxCodeLines { get; init; } = 60;

    public CandidateWeights Weights { get; init; } = CandidateWeights.Default;
}
