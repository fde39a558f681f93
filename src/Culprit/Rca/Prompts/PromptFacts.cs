namespace Culprit.Rca.Prompts;

/// <summary>
/// The allow-listed, redacted facts of one incident that an LLM prompt is written from (built by
/// <see cref="Redaction.AllowList"/>); nothing outside these fields ever reaches a model.
/// </summary>
public sealed record PromptFacts
{
    public required string IncidentId { get; init; }

    public required string Title { get; init; }

    public string? Service { get; init; }

    public string? Environment { get; init; }

    public string? Version { get; init; }

    public string? Commit { get; init; }

    /// <summary>The log message, when there is no exception to show.</summary>
    public string? Message { get; init; }

    /// <summary>The exception chain, outermost first: type and message only.</summary>
    public IReadOnlyList<PromptChainLink> Exceptions { get; init; } = [];

    /// <summary>The root exception's frames, throw site first.</summary>
    public IReadOnlyList<PromptFrame> Frames { get; init; } = [];

    /// <summary>Best candidate first.</summary>
    public IReadOnlyList<PromptCandidate> Candidates { get; init; } = [];

    public IReadOnlyList<PromptParameter> Parameters { get; init; } = [];

    public IReadOnlyList<PromptChange> Changes { get; init; } = [];

    /// <summary>Same-trace log lines, oldest first.</summary>
    public IReadOnlyList<string> RelatedLines { get; init; } = [];
}
