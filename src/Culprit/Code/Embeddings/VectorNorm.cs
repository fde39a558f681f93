using System.Numerics.Tensors;

namespace Culprit.Code.Embeddings;

/// <summary>L2 normalisation in place; a zero vector stays zero (it matches nothing rather than everything).</summary>
internal static class VectorNorm
{
    public static void Normalize(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm((ReadOnlySpan<float>)vector);
        if (norm > 0f)
            TensorPrimitives.Divide(vector, norm, vector);
    }
}
