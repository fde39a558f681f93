using System.Text.Json;
using System.Text.Json.Nodes;

namespace Culprit.Tests.Rca.Support;

/// <summary>Successful replies in each provider's wire format, as their API references show them, with usage fields.</summary>
public static class FakeWire
{
    public static FakeResponse OpenAI(string content, int inputTokens = 120, int outputTokens = 45) => new(200, new JsonObject
    {
        ["id"] = "chatcmpl-test1",
        ["object"] = "chat.completion",
        ["created"] = 1_760_000_000,
        ["model"] = "gpt-test",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null },
            ["logprobs"] = null,
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = inputTokens, ["completion_tokens"] = outputTokens, ["total_tokens"] = inputTokens + outputTokens },
    }.ToJsonString());

    public static FakeResponse Anthropic(string content, int inputTokens = 120, int outputTokens = 45) => new(200, new JsonObject
    {
        ["id"] = "msg_test1",
        ["type"] = "message",
        ["role"] = "assistant",
        ["model"] = "claude-test",
        ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = content }),
        ["stop_reason"] = "end_turn",
        ["stop_sequence"] = null,
        ["usage"] = new JsonObject { ["input_tokens"] = inputTokens, ["output_tokens"] = outputTokens },
    }.ToJsonString());

    public static FakeResponse Ollama(string content, int inputTokens = 120, int outputTokens = 45) => new(200, new JsonObject
    {
        ["model"] = "llama-test",
        ["created_at"] = "2026-03-01T10:15:00.000000Z",
        ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
        ["done"] = true,
        ["done_reason"] = "stop",
        ["total_duration"] = 1_000_000,
        ["load_duration"] = 1000,
        ["prompt_eval_count"] = inputTokens,
        ["prompt_eval_duration"] = 1000,
        ["eval_count"] = outputTokens,
        ["eval_duration"] = 1000,
    }.ToJsonString() + "\n") { ContentType = "application/x-ndjson" };

    public static FakeResponse Error(int status, string message) =>
        new(status, JsonSerializer.Serialize(new { error = new { message, type = "server_error" } }));
}
