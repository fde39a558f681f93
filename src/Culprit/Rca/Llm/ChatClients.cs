using System.ClientModel;
using System.ClientModel.Primitives;
using Anthropic;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;

namespace Culprit.Rca.Llm;

/// <summary>
/// Makes the <see cref="IChatClient"/> of each provider over one <see cref="HttpClient"/> whose handler does
/// the retries, limits and timeouts (<see cref="LlmHttpHandler"/>); the SDKs' own retries are turned off.
/// </summary>
internal static class ChatClients
{
    /// <summary>The SDKs' own timeouts sit above ours (retries included), so ours always fires first.</summary>
    private static readonly TimeSpan SdkTimeout = TimeSpan.FromHours(2);

    public static IChatClient Create(RcaOptions options, string? apiKey, HttpClient http)
    {
        var model = options.Model!;
        return options.Engine switch
        {
            RcaEngineKind.OpenAI or RcaEngineKind.OpenAICompatible => OpenAI(options, model, apiKey, http),
            RcaEngineKind.Azure => Azure(options, model, apiKey!, http),
            RcaEngineKind.Anthropic => Anthropic(options, model, apiKey!, http),
            RcaEngineKind.Ollama => Ollama(options, model, http),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Engine, "not an LLM engine"),
        };
    }

    private static IChatClient OpenAI(RcaOptions options, string model, string? apiKey, HttpClient http)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(0),
            NetworkTimeout = SdkTimeout,
        };
        if (options.Endpoint is not null)
            clientOptions.Endpoint = new Uri(options.Endpoint);

        // Local servers take any key; the SDK needs a non-empty one.
        var key = new ApiKeyCredential(string.IsNullOrEmpty(apiKey) ? "no-key" : apiKey);
        return new global::OpenAI.Chat.ChatClient(model, key, clientOptions).AsIChatClient();
    }

    private static IChatClient Azure(RcaOptions options, string deployment, string apiKey, HttpClient http)
    {
        var clientOptions = new AzureOpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(0),
            NetworkTimeout = SdkTimeout,
        };
        var client = new AzureOpenAIClient(new Uri(options.Endpoint!), new ApiKeyCredential(apiKey), clientOptions);
        return client.GetChatClient(deployment).AsIChatClient();
    }

    private static IChatClient Anthropic(RcaOptions options, string model, string apiKey, HttpClient http)
    {
        var clientOptions = new global::Anthropic.Core.ClientOptions
        {
            ApiKey = apiKey,
            HttpClient = http,
            MaxRetries = 0,
            Timeout = SdkTimeout,
        };
        if (options.Endpoint is not null)
            clientOptions.BaseUrl = options.Endpoint;
        return new AnthropicClient(clientOptions).AsIChatClient(model, options.MaxOutputTokens);
    }

    private static IChatClient Ollama(RcaOptions options, string model, HttpClient http)
    {
        http.BaseAddress = new Uri(options.Endpoint ?? "http://127.0.0.1:11434");
        return new OllamaApiClient(http, model);
    }
}
