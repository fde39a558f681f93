using Culprit.Code.Index;
using CsCheck;

namespace Culprit.Tests.Code.Index;

public sealed class VectorIndexTests
{
    [Fact]
    public void TopKMatchesSortingEveryScore()
    {
        // Scores are small integers so that ties are common and exact.
        var gen = from dimensions in Gen.Int[1, 8]
                  from rows in Gen.Int[0, 60]
                  from matrix in Gen.Int[-3, 3].Array[rows * dimensions]
                  from query in Gen.Int[-3, 3].Array[dimensions]
                  from k in Gen.Int[0, 70]
                  select (dimensions, matrix, query, k);
        gen.Sample(c =>
        {
            var matrix = Array.ConvertAll(c.matrix, v => (float)v);
            var query = Array.ConvertAll(c.query, v => (float)v);

            var fast = VectorIndex.TopK(matrix, c.dimensions, query, c.k);

            var expected = Naive(matrix, c.dimensions, query, c.k);
            Assert.Equal(expected, fast);
        });
    }

    [Fact]
    public void TiesGoToTheLowerRow()
    {
        float[] matrix = [1, 0, 0, 1, 1, 0, 1, 0];

        var top = VectorIndex.TopK(matrix, 2, [1f, 0f], 3);

        Assert.Equal([(0, 1f), (2, 1f), (3, 1f)], top);
    }

    [Fact]
    public void KLargerThanTheRowsGivesEveryRowBestFirst()
    {
        float[] matrix = [0.1f, 0.9f, 0.5f];

        var top = VectorIndex.TopK(matrix, 1, [1f], 10);

        Assert.Equal([(1, 0.9f), (2, 0.5f), (0, 0.1f)], top);
    }

    [Fact]
    public void NoRowsOrZeroKGiveNothing()
    {
        Assert.Empty(VectorIndex.TopK([], 3, [1f, 0f, 0f], 5));
        Assert.Empty(VectorIndex.TopK([1f, 0f, 0f], 3, [1f, 0f, 0f], 0));
    }

    [Fact]
    public void AQueryOfAnotherWidthIsRefusedWithBothWidths()
    {
        var error = Assert.Throws<ArgumentException>(() => VectorIndex.TopK([1f, 0f], 2, [1f, 0f, 0f], 1));

        Assert.Contains("3 dimensions", error.Message, StringComparison.Ordinal);
        Assert.Contains("have 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NaNScoresComeLast()
    {
        float[] matrix = [float.NaN, 0.2f, -0.5f];

        var top = VectorIndex.TopK(matrix, 1, [1f], 3);

        Assert.Equal([(1, 0.2f), (2, -0.5f), (0, float.NegativeInfinity)], top);
    }

    [Fact]
    public void SearchReturnsTheRowsOfTheBestChunks()
    {
        var rows = new[]
        {
            new ChunkRow(10, "a.cs", 1, 5, "A.Run", "method"),
            new ChunkRow(11, "b.cs", 3, 9, "B.Stop", "method"),
        };
        var index = new VectorIndex(new ChunkVectors(2, [1f, 0f, 0f, 1f], rows));

        var hits = index.Search([0.2f, 0.9f], 1);

        Assert.Equal(rows[1], Assert.Single(hits).Chunk);
        Assert.Equal(0.9f, hits[0].Score, 6);
    }

    private static List<(int Row, float Score)> Naive(float[] matrix, int dimensions, float[] query, int k)
    {
        var scored = new List<(int Row, float Score)>();
        for (var row = 0; row < matrix.Length / dimensions; row++)
        {
            var sum = 0f;
            for (var d = 0; d < dimensions; d++)
                sum += matrix[(row * dimensions) + d] * query[d];
            scored.Add((row, sum));
        }

        return scored.OrderByDescending(s => s.Score).ThenBy(s => s.Row).Take(Math.Max(0, k)).ToList();
    }
}
