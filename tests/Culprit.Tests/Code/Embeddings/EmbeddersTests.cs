using Culprit.Code.Embeddings;

namespace Culprit.Tests.Code.Embeddings;

public sealed class EmbeddersTests
{
    [Theory]
    [InlineData("hashing", "hashing-512", 512)]
    [InlineData("HASHING-128", "hashing-128", 128)]
    [InlineData(" hashing-1024 ", "hashing-1024", 1024)]
    public void HashingIsChosenByName(string name, string expectedName, int dimensions)
    {
        Assert.True(Embedders.TryCreate(name, out var embedder, out var error));

        Assert.Null(error);
        Assert.Equal(expectedName, embedder.Name);
        Assert.Equal(dimensions, embedder.Dimensions);
    }

    [Theory]
    [InlineData("bert")]
    [InlineData("hashing-8")]
    [InlineData("hashing-x")]
    [InlineData("")]
    public void AnUnknownNameGivesAMessageListingTheKnownOnes(string name)
    {
        Assert.False(Embedders.TryCreate(name, out var embedder, out var error));

        Assert.Null(embedder);
        Assert.Equal($"Unknown embedder '{name}'. Known: {Embedders.Known}.", error);
    }
}
