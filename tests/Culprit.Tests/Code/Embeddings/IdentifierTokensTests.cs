using Culprit.Code.Embeddings;

namespace Culprit.Tests.Code.Embeddings;

public sealed class IdentifierTokensTests
{
    [Theory]
    [InlineData("parseUserId", "parse|User|Id")]
    [InlineData("parse_user_id", "parse|user|id")]
    [InlineData("HTTPServerError", "HTTP|Server|Error")]
    [InlineData("__init__", "init")]
    [InlineData("utf8Decode", "utf|8|Decode")]
    [InlineData("X", "X")]
    public void AWordSplitsIntoItsIdentifierParts(string word, string expected)
    {
        var parts = new List<Range>();

        IdentifierTokens.Parts(word, parts);

        Assert.Equal(expected, string.Join('|', parts.Select(p => word[p])));
    }

    [Fact]
    public void WordsAreRunsOfLettersDigitsAndUnderscores()
    {
        const string text = "  user.get_name(42) + Ünïcode;";
        var words = new List<string>();
        var position = 0;

        while (IdentifierTokens.NextWord(text, ref position, out var word))
            words.Add(text[word]);

        Assert.Equal(["user", "get_name", "42", "Ünïcode"], words);
    }
}
