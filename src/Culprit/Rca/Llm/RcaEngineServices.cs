namespace Culprit.Rca.Llm;

/// <summary>What LLM engines share in a run: the usage meter the CLI prints, the clock, the transcript folder and the symbol lookup.</summary>
public sealed record RcaEngineServices
{
    public RcaUsageMeter Usage { get; init; } = new();

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Folder of archived prompts and answers (<see cref="RcaTranscripts"/>); null for no archive.</summary>
    public string? TranscriptDirectory { get; init; }

    public IRcaSymbolLookup? Symbols { get; init; }

    /// <summary>Reads an environment variable (the API key); tests pass their own.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
}
