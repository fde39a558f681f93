namespace Culprit.Rca.Llm;

/// <summary>What a run's analyses used: LLM requests and tokens, estimated cost, retries, repairs, fallbacks, cache hits.</summary>
public sealed record RcaUsage
{
    /// <summary>Analyses made by LLM engines (cache hits excluded).</summary>
    public long Analyses { get; init; }

    /// <summary>Answered LLM requests (repairs included, HTTP retries not).</summary>
    public long Requests { get; init; }

    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    /// <summary>Null when no price is configured.</summary>
    public double? CostUsd { get; init; }

    /// <summary>HTTP attempts retried after a 429, 5xx, timeout or network failure.</summary>
    public long Retries { get; init; }

    /// <summary>Answers sent back once for repair.</summary>
    public long Repairs { get; init; }

    /// <summary>Analyses that fell back to the heuristic.</summary>
    public long Fallbacks { get; init; }

    public long CacheHits { get; init; }

    /// <summary>Prompts or answers that could not be written to the transcript folder.</summary>
    public long ArchiveFailures { get; init; }
}
