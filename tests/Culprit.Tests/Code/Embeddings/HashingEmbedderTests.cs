using System.Numerics.Tensors;
using Culprit.Code.Embeddings;

namespace Culprit.Tests.Code.Embeddings;

public sealed class HashingEmbedderTests
{
    private readonly HashingEmbedder _embedder = new();

    [Fact]
    public void VectorsHaveTheDimensionsAndUnitLength()
    {
        var vectors = _embedder.Embed(["public int ParseUserId(HttpRequest req)", "x"]);

        Assert.Equal("hashing-512", _embedder.Name);
        Assert.All(vectors, v => Assert.Equal(512, v.Length));
        Assert.Equal(1f, TensorPrimitives.Norm(vectors[0]), 5);
        Assert.Equal(0f, TensorPrimitives.Norm(vectors[1]));
    }

    [Fact]
    public void TheSameTextAlwaysGivesTheSameVector()
    {
        const string text = "def load_config(path): return yaml.safe_load(open(path))";

        Assert.Equal(_embedder.Embed([text])[0], new HashingEmbedder().Embed(["other", text])[1]);
    }

    [Fact]
    public void IdentifierStylesMeetAndUnrelatedCodeStaysApart()
    {
        var vectors = _embedder.Embed(
        [
            "parse the user id from the request",
            "public static long ParseUserId(HttpRequest request) { return long.Parse(request.Query[\"userId\"]); }",
            "def parse_user_ids(requests): return [r.user_id for r in requests]",
            "func renderInvoicePdf(w io.Writer, invoice Invoice) error { return pdf.Write(w, invoice.Lines) }",
        ]);

        var camel = TensorPrimitives.Dot(vectors[0], vectors[1]);
        var snake = TensorPrimitives.Dot(vectors[0], vectors[2]);
        var unrelated = TensorPrimitives.Dot(vectors[0], vectors[3]);
        Assert.True(camel > 0.3f, $"camelCase {camel}");
        Assert.True(snake > 0.3f, $"snake_case {snake}");
        Assert.True(Math.Abs(unrelated) < 0.1f, $"unrelated {unrelated}");
    }

    [Fact]
    public void KeywordsAloneSayNothing() => Assert.Equal(0f, TensorPrimitives.Norm(_embedder.Embed(["public static void return new if else"])[0]));

    [Fact]
    public void TooFewDimensionsAreRefused() => Assert.Throws<ArgumentOutOfRangeException>(() => new HashingEmbedder(8));
}
