namespace Culprit.Rca.Prompts;

/// <summary>The brief's three-part prompt (§4.2) for one incident, with its estimated size and what was cut to fit.</summary>
public sealed record RcaPrompt
{
    public required string System { get; init; }

    public required string Context { get; init; }

    public required string User { get; init; }

    /// <summary>Estimated input tokens of the three parts and the answer schema (<see cref="TokenEstimator"/>).</summary>
    public required int EstimatedTokens { get; init; }

    /// <summary>What was left out to fit <c>rca.max_input_tokens</c>, in the order it was cut.</summary>
    public IReadOnlyList<string> Trimmed { get; init; } = [];

    /// <summary>True when even the smallest prompt exceeds the budget (it is sent anyway).</summary>
    public bool OverBudget { get; init; }
}
