namespace Culprit.Rca.Prompts;

/// <summary>One stack frame as the prompt shows it: <c>file:line in function</c>.</summary>
public sealed record PromptFrame(string? File, int? Line, string? Function, bool InApp);
