using Culprit.Cli;
using Culprit.Rca.Llm;
using Culprit.Tests.Rca.Support;
using Microsoft.Extensions.Configuration;

namespace Culprit.Tests.Rca.Llm;

public sealed class RcaOptionsTests
{
    private static IConfiguration Yaml(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), "culprit-rca-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(path, yaml);
        try
        {
            return new ConfigurationBuilder().AddYamlFile(path, optional: false).Build();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TheRcaSectionIsReadWithEveryKey()
    {
        var options = RcaConfiguration.Read(
            Yaml("""
                rca:
                  engine: anthropic
                  model: claude-test
                  api_key_env: ANTHROPIC_API_KEY
                  timeout_seconds: 20
                  max_concurrency: 2
                  requests_per_minute: 30
                  max_retries: 1
                  max_input_tokens: 6000
                  price_input_per_mtok: 3
                  price_output_per_mtok: 15.5
                  redact:
                    ip_addresses: false
                    patterns:
                      - 'CUST-\d+'
                      - 'TENANT-\w+'
                """),
            "/data");

        Assert.Equal(RcaEngineKind.Anthropic, options.Engine);
        Assert.Equal("claude-test", options.Model);
        Assert.Equal("ANTHROPIC_API_KEY", options.ApiKeyEnv);
        Assert.Equal(20, options.TimeoutSeconds);
        Assert.Equal(2, options.MaxConcurrency);
        Assert.Equal(30, options.RequestsPerMinute);
        Assert.Equal(1, options.MaxRetries);
        Assert.Equal(6000, options.MaxInputTokens);
        Assert.Equal(3, options.PriceInputPerMTok);
        Assert.Equal(15.5, options.PriceOutputPerMTok);
        Assert.False(options.Redact.IpAddresses);
        Assert.True(options.Redact.Emails);
        Assert.Equal(["CUST-\\d+", "TENANT-\\w+"], options.Redact.Patterns);
        Assert.Equal(Path.Combine("/data", "rca", "transcripts"), options.TranscriptDirectory);
    }

    [Fact]
    public void NoSectionMeansTheHeuristic()
    {
        var options = RcaConfiguration.Read(new ConfigurationBuilder().Build(), ".culprit");

        Assert.Equal(RcaEngineKind.Heuristic, options.Engine);
        Assert.False(options.IsLlm);
    }

    [Fact]
    public void EveryProblemIsReportedAtOnce()
    {
        var error = Assert.Throws<UsageException>(() => RcaConfiguration.Read(
            Yaml("""
                rca:
                  engine: openai
                  api_key: sk-should-not-be-here
                  timeout_seconds: soon
                  max_concurrency: 0
                  price_input_per_mtok: cheap
                  redact:
                    patterns: ['([a-z']
                """),
            ".culprit"));

        Assert.Equal(
            "invalid configuration: rca.api_key: keys are never read from the configuration; put the key in an environment variable and name it in rca.api_key_env; "
            + "rca.timeout_seconds: 'soon' is not a whole number; rca.price_input_per_mtok: 'cheap' is not a price in US dollars per million tokens; "
            + "rca.model: the openai engine needs a model; rca.api_key_env: the openai engine needs the name of the environment variable that holds the API key; "
            + "rca.max_concurrency: 0 is outside 1..256; rca.redact.patterns[0]: '([a-z' is not a valid regular expression (Invalid pattern '([a-z' at offset 5. Unterminated [] set.)",
            error.Message);
    }

    [Fact]
    public void AnUnknownEngineAndAKeyInPlaceOfAVariableNameAreRefused()
    {
        var error = Assert.Throws<UsageException>(() => RcaConfiguration.Read(Yaml("rca:\n  engine: gpt\n  api_key_env: sk-abc123\n"), ".culprit"));

        Assert.Equal(
            "invalid configuration: rca.engine: 'gpt' is not an engine (use heuristic, openai, azure, anthropic, ollama, openai-compatible); "
            + "rca.api_key_env: give the name of an environment variable (letters, digits, _), never the key itself",
            error.Message);
    }

    [Fact]
    public void AzureAndCompatibleServersNeedAnEndpoint()
    {
        var problems = new RcaOptions { Engine = RcaEngineKind.OpenAICompatible, Model = "qwen", Endpoint = "localhost:8080" }.Validate();

        Assert.Equal(["rca.endpoint: 'localhost:8080' is not an http(s) URL"], problems);
        Assert.Equal(
            ["rca.endpoint: the azure engine needs the server's URL", "rca.api_key_env: the azure engine needs the name of the environment variable that holds the API key"],
            new RcaOptions { Engine = RcaEngineKind.Azure, Model = "dep" }.Validate());
    }

    [Fact]
    public void AMissingKeyVariableIsAClearProblemAndTheHeuristicNeedsNothing()
    {
        var heuristic = new TopCandidateEngine();
        var options = new RcaOptions { Engine = RcaEngineKind.OpenAI, Model = "gpt-test", ApiKeyEnv = "NO_SUCH_VARIABLE_FOR_CULPRIT" };

        Assert.False(RcaEngines.TryCreate(options, heuristic, new RcaEngineServices { Environment = _ => null }, out _, out var problem));
        Assert.Equal("rca.api_key_env: the environment variable NO_SUCH_VARIABLE_FOR_CULPRIT is not set; the openai engine needs an API key", problem);
        Assert.Same(heuristic, RcaEngines.Create(new RcaOptions(), heuristic));
    }
}
