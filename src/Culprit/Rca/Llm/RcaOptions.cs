using System.Globalization;
using Culprit.Rca.Redaction;

namespace Culprit.Rca.Llm;

/// <summary>
/// The <c>rca.*</c> settings: which engine analyses incidents and, for an LLM, how it is reached, paced and paid
/// for. The API key is never in the file: <see cref="ApiKeyEnv"/> names the environment variable that holds it.
/// </summary>
public sealed class RcaOptions
{
    public RcaEngineKind Engine { get; set; } = RcaEngineKind.Heuristic;

    /// <summary>Model id (for Azure, the deployment name); required for LLM engines.</summary>
    public string? Model { get; set; }

    /// <summary>Base URL of the API; required for Azure and OpenAI-compatible servers, optional otherwise.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Name of the environment variable holding the API key (e.g. <c>OPENAI_API_KEY</c>).</summary>
    public string? ApiKeyEnv { get; set; }

    /// <summary>Seconds one HTTP attempt may take, body included (default 60).</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Requests in flight at once per provider (default 4).</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Requests started per minute per provider, retries included (default 60; 0 for no limit).</summary>
    public int RequestsPerMinute { get; set; } = 60;

    /// <summary>Retries of a failed attempt (429, 5xx, timeout, network); default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay in milliseconds, doubled each retry with jitter (default 1000); a Retry-After header wins.</summary>
    public int RetryDelayMs { get; set; } = 1000;

    /// <summary>Token budget of the prompt; context is trimmed to fit (default 12000).</summary>
    public int MaxInputTokens { get; set; } = 12_000;

    /// <summary>Most tokens the answer may use (default 2000).</summary>
    public int MaxOutputTokens { get; set; } = 2_000;

    /// <summary>US dollars per million input tokens, for the cost estimate; null for no estimate.</summary>
    public double? PriceInputPerMTok { get; set; }

    /// <summary>US dollars per million output tokens.</summary>
    public double? PriceOutputPerMTok { get; set; }

    /// <summary>Folder of the archived prompts and answers; null for none (the CLI uses <c>&lt;data&gt;/rca/transcripts</c>).</summary>
    public string? TranscriptDirectory { get; set; }

    public RedactionOptions Redact { get; } = new();

    public bool IsLlm => Engine != RcaEngineKind.Heuristic;

    /// <summary>Every problem with these options, as readable sentences; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        var name = RcaEngineKinds.Name(Engine);
        if (IsLlm && string.IsNullOrWhiteSpace(Model))
            problems.Add($"rca.model: the {name} engine needs a model{(Engine == RcaEngineKind.Azure ? " (the deployment name)" : "")}");
        if (IsLlm && RcaEngineKinds.NeedsEndpoint(Engine) && string.IsNullOrWhiteSpace(Endpoint))
            problems.Add($"rca.endpoint: the {name} engine needs the server's URL");
        if (!string.IsNullOrWhiteSpace(Endpoint) && (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            problems.Add($"rca.endpoint: '{Endpoint}' is not an http(s) URL");
        if (IsLlm && RcaEngineKinds.NeedsApiKey(Engine) && string.IsNullOrWhiteSpace(ApiKeyEnv))
            problems.Add($"rca.api_key_env: the {name} engine needs the name of the environment variable that holds the API key");
        if (!string.IsNullOrWhiteSpace(ApiKeyEnv) && !IsVariableName(ApiKeyEnv))
            problems.Add("rca.api_key_env: give the name of an environment variable (letters, digits, _), never the key itself");
        Range(problems, "rca.timeout_seconds", TimeoutSeconds, 1, 3600);
        Range(problems, "rca.max_concurrency", MaxConcurrency, 1, 256);
        Range(problems, "rca.requests_per_minute", RequestsPerMinute, 0, 1_000_000);
        Range(problems, "rca.max_retries", MaxRetries, 0, 10);
        Range(problems, "rca.retry_delay_ms", RetryDelayMs, 1, 600_000);
        Range(problems, "rca.max_input_tokens", MaxInputTokens, 500, 10_000_000);
        Range(problems, "rca.max_output_tokens", MaxOutputTokens, 100, 1_000_000);
        if (PriceInputPerMTok is < 0 or double.NaN)
            problems.Add("rca.price_input_per_mtok: a price cannot be negative");
        if (PriceOutputPerMTok is < 0 or double.NaN)
            problems.Add("rca.price_output_per_mtok: a price cannot be negative");
        problems.AddRange(Redact.Validate());
        return problems;
    }

    private static void Range(List<string> problems, string key, int value, int min, int max)
    {
        if (value < min || value > max)
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{key}: {value} is outside {min}..{max}"));
    }

    private static bool IsVariableName(string text)
    {
        if (text.Length > 128 || char.IsDigit(text[0]))
            return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
                return false;
        }

        return true;
    }
}
