namespace Culprit.Rca.Prompts;

/// <summary>A suspect commit as the prompt shows it: no author, the short sha, the day, the summary and the lines.</summary>
public sealed record PromptChange(string Sha, DateOnly Day, string Summary, string File, string Symbol, IReadOnlyList<int> ChangedLines);
