namespace Culprit.Rca.Prompts;

/// <summary>A value found in the logs, with the code parameter it matched when one did.</summary>
public sealed record PromptParameter(string Name, string Value, string? MatchedName, string? MatchedSymbol);
