namespace Culprit.Rca.Llm;

/// <summary>The engine <c>rca.engine</c> names.</summary>
public enum RcaEngineKind
{
    /// <summary>The offline analyst (the default).</summary>
    Heuristic,

    OpenAI,

    /// <summary>Azure OpenAI: <c>rca.model</c> is the deployment name.</summary>
    Azure,

    Anthropic,

    Ollama,

    /// <summary>Any server speaking the OpenAI chat completions API (llama.cpp server, vLLM, LM Studio …).</summary>
    OpenAICompatible,
}
