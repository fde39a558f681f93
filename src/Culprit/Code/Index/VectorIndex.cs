using System.Numerics.Tensors;

namespace Culprit.Code.Index;

/// <summary>
/// Exact cosine search over L2-normalised vectors: a dot product with every row of a contiguous matrix, keeping
/// the best K in a bounded heap (O(n log K)). Ties go to the lower row; a NaN score counts as the worst.
/// </summary>
public sealed class VectorIndex
{
    private readonly ChunkVectors _vectors;

    public VectorIndex(ChunkVectors vectors) => _vectors = vectors;

    public int Count => _vectors.Count;

    /// <summary>The <paramref name="k"/> chunks most similar to the query, best first.</summary>
    public IReadOnlyList<SearchHit> Search(ReadOnlySpan<float> query, int k)
    {
        var top = TopK(_vectors.Matrix, _vectors.Dimensions, query, k);
        var hits = new SearchHit[top.Count];
        for (var i = 0; i < hits.Length; i++)
            hits[i] = new SearchHit(_vectors.Rows[top[i].Row], top[i].Score);
        return hits;
    }

    /// <summary>Rows of <paramref name="matrix"/> (each <paramref name="dimensions"/> long) by descending dot product with the query; at most <paramref name="k"/>.</summary>
    public static IReadOnlyList<(int Row, float Score)> TopK(ReadOnlySpan<float> matrix, int dimensions, ReadOnlySpan<float> query, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        if (query.Length != dimensions)
            throw new ArgumentException($"The query has {query.Length} dimensions; the vectors have {dimensions}.", nameof(query));
        var rows = matrix.Length / dimensions;
        if (k <= 0 || rows == 0)
            return [];

        // The heap's root is the worst kept row: the lowest score, the higher row on a tie.
        var heap = new PriorityQueue<int, (float Score, int Row)>(Math.Min(k, rows) + 1, WorstFirst.Instance);
        for (var row = 0; row < rows; row++)
        {
            var score = TensorPrimitives.Dot(matrix.Slice(row * dimensions, dimensions), query);
            if (float.IsNaN(score))
                score = float.NegativeInfinity;
            if (heap.Count < k)
                heap.Enqueue(row, (score, row));
            else if (heap.TryPeek(out _, out var worst) && score > worst.Score)
                heap.EnqueueDequeue(row, (score, row));
        }

        var result = new (int Row, float Score)[heap.Count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            heap.TryDequeue(out var row, out var priority);
            result[i] = (row, priority.Score);
        }

        return result;
    }

    private sealed class WorstFirst : IComparer<(float Score, int Row)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((float Score, int Row) x, (float Score, int Row) y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : y.Row.CompareTo(x.Row);
        }
    }
}
