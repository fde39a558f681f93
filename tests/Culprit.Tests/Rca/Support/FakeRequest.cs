using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Culprit.Tests.Rca.Support;

/// <summary>A request the fake LLM server received.</summary>
public sealed record FakeRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, long ReceivedTimestamp)
{
    public int Index { get; init; }

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>Every string value in the JSON body, unescaped and joined by newlines (what a secret would show up as).</summary>
    public string JsonText
    {
        get
        {
            var text = new StringBuilder();
            Collect(Json, text);
            return text.ToString();
        }
    }

    public static TimeSpan Between(FakeRequest earlier, FakeRequest later) => Stopwatch.GetElapsedTime(earlier.ReceivedTimestamp, later.ReceivedTimestamp);

    private static void Collect(JsonElement element, StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                text.Append(element.GetString()).Append('\n');
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    text.Append(property.Name).Append('\n');
                    Collect(property.Value, text);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Collect(item, text);
                break;
        }
    }
}
