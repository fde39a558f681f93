namespace Culprit.Rca.Llm;

/// <summary>Makes the engine <c>rca.engine</c> names. LLM engines fall back to the heuristic analyst; dispose the engine when it is <see cref="IDisposable"/>.</summary>
public static class RcaEngines
{
    /// <summary>The configured engine; <see cref="InvalidOperationException"/> with a readable message when the options are invalid or the API key variable is not set.</summary>
    public static IRcaEngine Create(RcaOptions options, IRcaEngine heuristic, RcaEngineServices? services = null) =>
        TryCreate(options, heuristic, services, out var engine, out var problem) ? engine : throw new InvalidOperationException(problem);

    public static bool TryCreate(RcaOptions options, IRcaEngine heuristic, RcaEngineServices? services, out IRcaEngine engine, out string problem)
    {
        services ??= new RcaEngineServices();
        engine = heuristic;
        problem = "";
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            problem = "invalid configuration: " + string.Join("; ", problems);
            return false;
        }

        if (!options.IsLlm)
            return true;
        var apiKey = string.IsNullOrWhiteSpace(options.ApiKeyEnv) ? null : services.Environment(options.ApiKeyEnv);
        if (RcaEngineKinds.NeedsApiKey(options.Engine) && string.IsNullOrEmpty(apiKey))
        {
            problem = $"rca.api_key_env: the environment variable {options.ApiKeyEnv} is not set; the {RcaEngineKinds.Name(options.Engine)} engine needs an API key";
            return false;
        }

        var handler = new LlmHttpHandler(options, services.Usage, services.Time, new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var client = ChatClients.Create(options, apiKey, http);
        engine = new LlmRcaEngine($"{RcaEngineKinds.Name(options.Engine)}:{options.Model}", client, options, heuristic, services, http);
        return true;
    }

    /// <summary>
    /// The engine behind the <c>rca_results</c> cache: an LLM engine's answers are keyed by its prompt version, the
    /// heuristic's by <c>heuristic</c>; <paramref name="refresh"/> analyses again even when a report is stored.
    /// </summary>
    public static IRcaEngine WithCache(IRcaEngine engine, Cache.IRcaResultStore store, bool refresh = false, RcaUsageMeter? meter = null) =>
        new Cache.CachingRcaEngine(engine, store, engine is LlmRcaEngine ? Prompts.RcaPromptBuilder.Version : "heuristic", refresh, meter);
}
