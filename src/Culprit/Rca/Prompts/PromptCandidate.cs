namespace Culprit.Rca.Prompts;

/// <summary>A code candidate as the prompt shows it, with its code (redacted) starting at <see cref="CodeStartLine"/>.</summary>
public sealed record PromptCandidate
{
    public required string File { get; init; }

    public required string Symbol { get; init; }

    public required int StartLine { get; init; }

    public required int EndLine { get; init; }

    public int? FailingLine { get; init; }

    public required string Origin { get; init; }

    public required string Code { get; init; }

    public required int CodeStartLine { get; init; }
}
