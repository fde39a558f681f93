using Culprit.Rca;
using Culprit.Rca.Llm;

namespace Culprit.Tests.Rca.Support;

/// <summary>LLM engines pointed at a fake server, with fast retries and a test key.</summary>
public static class TestEngines
{
    public const string Key = "test-key-0123456789";

    public static RcaOptions Options(RcaEngineKind kind, FakeLlmServer server, Action<RcaOptions>? change = null)
    {
        var options = new RcaOptions
        {
            Engine = kind,
            Model = "model-test",
            Endpoint = kind switch
            {
                RcaEngineKind.OpenAI or RcaEngineKind.OpenAICompatible => new Uri(server.BaseUri, "v1").ToString(),
                _ => server.BaseUri.ToString().TrimEnd('/'),
            },
            ApiKeyEnv = kind == RcaEngineKind.OpenAICompatible ? null : "TEST_LLM_KEY",
            TimeoutSeconds = 10,
            RetryDelayMs = 10,
            MaxRetries = 2,
            RequestsPerMinute = 0,
            PriceInputPerMTok = 2.5,
            PriceOutputPerMTok = 10,
        };
        change?.Invoke(options);
        return options;
    }

    public static LlmRcaEngine Create(RcaOptions options, IRcaEngine fallback, RcaUsageMeter? meter = null, string? transcripts = null) =>
        (LlmRcaEngine)RcaEngines.Create(options, fallback, new RcaEngineServices
        {
            Usage = meter ?? new RcaUsageMeter(),
            TranscriptDirectory = transcripts,
            Environment = name => name == "TEST_LLM_KEY" ? Key : null,
        });
}
