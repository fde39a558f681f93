namespace Culprit.Rca.Llm;

/// <summary>The configuration names of <see cref="RcaEngineKind"/>.</summary>
public static class RcaEngineKinds
{
    public const string AllNames = "heuristic, openai, azure, anthropic, ollama, openai-compatible";

    public static string Name(RcaEngineKind kind) => kind switch
    {
        RcaEngineKind.Heuristic => "heuristic",
        RcaEngineKind.OpenAI => "openai",
        RcaEngineKind.Azure => "azure",
        RcaEngineKind.Anthropic => "anthropic",
        RcaEngineKind.Ollama => "ollama",
        RcaEngineKind.OpenAICompatible => "openai-compatible",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string? text, out RcaEngineKind kind)
    {
        kind = RcaEngineKind.Heuristic;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "heuristic":
                return true;
            case "openai":
                kind = RcaEngineKind.OpenAI;
                return true;
            case "azure" or "azure-openai" or "azure_openai":
                kind = RcaEngineKind.Azure;
                return true;
            case "anthropic":
                kind = RcaEngineKind.Anthropic;
                return true;
            case "ollama":
                kind = RcaEngineKind.Ollama;
                return true;
            case "openai-compatible" or "openai_compatible":
                kind = RcaEngineKind.OpenAICompatible;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Whether the provider refuses requests without an API key.</summary>
    public static bool NeedsApiKey(RcaEngineKind kind) => kind is RcaEngineKind.OpenAI or RcaEngineKind.Azure or RcaEngineKind.Anthropic;

    /// <summary>Whether the provider has no default endpoint.</summary>
    public static bool NeedsEndpoint(RcaEngineKind kind) => kind is RcaEngineKind.Azure or RcaEngineKind.OpenAICompatible;
}
