namespace Culprit.Rca.Prompts;

/// <summary>One link of the exception chain as the prompt shows it.</summary>
public sealed record PromptChainLink(string? Type, string? Message);
