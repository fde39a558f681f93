namespace Culprit.Code.Index;

/// <summary>
/// The embedded chunks of one commit for one model: row <c>i</c> of <see cref="Matrix"/> (<see cref="Dimensions"/>
/// floats starting at <c>i * Dimensions</c>) is the vector of <c>Rows[i]</c>.
/// </summary>
public sealed class ChunkVectors(int dimensions, float[] matrix, IReadOnlyList<ChunkRow> rows)
{
    public static ChunkVectors Empty(int dimensions) => new(dimensions, [], []);

    public int Dimensions { get; } = dimensions;

    public float[] Matrix { get; } = matrix;

    public IReadOnlyList<ChunkRow> Rows { get; } = rows;

    public int Count => Rows.Count;

    public ReadOnlySpan<float> Row(int index) => Matrix.AsSpan(index * Dimensions, Dimensions);
}
