namespace Culprit.Tests.Rca.Support;

/// <summary>What the fake LLM server answers: status, JSON body, extra headers, and a delay before answering.</summary>
public sealed record FakeResponse(int Status, string Body)
{
    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    public TimeSpan Delay { get; init; }

    public string ContentType { get; init; } = "application/json";
}
