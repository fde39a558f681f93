using CsCheck;
using Culprit.Storage.DuckDb;

namespace Culprit.Tests.Storage;

public sealed class DuckDbTextTests
{
    [Theory]
    [InlineData("plain")]
    [InlineData("")]
    [InlineData("nul\0in the middle\0")]
    [InlineData("\uF8FF0 looks like an escaped NUL")]
    [InlineData("\uF8FF\uF8FF\0\uF8FF")]
    public void EncodingRoundTrips(string text)
    {
        var stored = DuckDbText.Encode(text)!;
        Assert.DoesNotContain('\0', stored);
        Assert.Equal(text, DuckDbText.Decode(stored));
    }

    [Fact]
    public void TextWithoutNulOrTheEscapeIsKeptAsIs()
    {
        const string text = "it's \\ \t\n 😀";
        Assert.Same(text, DuckDbText.Encode(text));
        Assert.Same(text, DuckDbText.Decode(text));
    }

    [Fact]
    public void AnyTextRoundTrips() =>
        Gen.String[Gen.OneOf(Gen.Char, Gen.Const('\0'), Gen.Const('\uF8FF'), Gen.Const('0')), 0, 40]
            .Sample(text => Assert.Equal(text, DuckDbText.Decode(DuckDbText.Encode(text)!)));
}
