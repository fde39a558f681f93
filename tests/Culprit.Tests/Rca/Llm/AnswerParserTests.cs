using Culprit.Rca.Llm;
using Culprit.Tests.Rca.Support;

namespace Culprit.Tests.Rca.Llm;

public sealed class AnswerParserTests
{
    [Fact]
    public void ACodeFenceAroundTheObjectIsTolerated()
    {
        Assert.True(AnswerParser.TryParse("```json\n" + RcaSamples.Answer() + "\n```", out var answer, out var problems));

        Assert.Empty(problems);
        Assert.Equal(RcaSamples.PlaceSymbol, answer.LikelyRootCause.Symbol);
        Assert.Equal("A-778", answer.InvolvedParameters[0].Value);
    }

    [Fact]
    public void SchemaViolationsAreListedForTheRepairRequest()
    {
        var text = RcaSamples.Answer().Replace("0.8", "1.7", StringComparison.Ordinal).Replace("\"tests_to_add\"", "\"tests\"", StringComparison.Ordinal);

        Assert.False(AnswerParser.TryParse(text, out _, out var problems));

        Assert.Contains(problems, p => p.StartsWith("/likely_root_cause/confidence: ", StringComparison.Ordinal) && p.EndsWith("(maximum)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("/: ", StringComparison.Ordinal) && p.Contains("tests_to_add", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "the answer holds no JSON object")]
    [InlineData("I cannot help with that.", "the answer holds no JSON object")]
    public void TextWithoutAnObjectSaysSo(string? text, string problem)
    {
        Assert.False(AnswerParser.TryParse(text, out _, out var problems));

        Assert.Equal([problem], problems);
    }

    [Fact]
    public void BrokenJsonSaysWhere()
    {
        Assert.False(AnswerParser.TryParse("{\"incident_id\": \"x\", }", out _, out var problems));

        Assert.StartsWith("the answer is not valid JSON: ", Assert.Single(problems), StringComparison.Ordinal);
    }
}
