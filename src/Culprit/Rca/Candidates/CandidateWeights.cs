namespace Culprit.Rca.Candidates;

/// <summary>
/// The weights of the candidate score (docs/rca.md): each term lies in [0, 1] (the rule term in [-1, 1]) and the
/// score is their weighted sum. Depth dominates, as a stack trace is the strongest evidence; the other terms break
/// ties and bring in code that is not on the stack.
/// </summary>
public sealed record CandidateWeights
{
    public double Depth { get; init; } = 0.40;
    public double InApp { get; init; } = 0.10;
    public double Path { get; init; } = 0.05;
    public double Embedding { get; init; } = 0.10;
    public double Change { get; init; } = 0.15;
    public double Lexical { get; init; } = 0.10;
    public double Rule { get; init; } = 0.30;

    public static CandidateWeights Default { get; } = new();
}
