namespace Culprit.Code.Index;

/// <summary>Grows one contiguous matrix while rows are read from a database; rows of another width are skipped.</summary>
internal sealed class ChunkVectorsBuilder
{
    private readonly List<ChunkRow> _rows = [];
    private float[] _matrix = [];
    private int _dimensions;

    public void Add(ChunkRow row, ReadOnlySpan<byte> embedding)
    {
        var dimensions = embedding.Length / sizeof(float);
        if (dimensions == 0 || (_dimensions != 0 && dimensions != _dimensions))
            return;
        _dimensions = dimensions;
        var offset = _rows.Count * dimensions;
        if (offset + dimensions > _matrix.Length)
            Array.Resize(ref _matrix, Math.Max(offset + dimensions, _matrix.Length * 2));
        if (!EmbeddingBytes.TryRead(embedding, _matrix.AsSpan(offset, dimensions)))
            return;
        _rows.Add(row);
    }

    public ChunkVectors Build(int emptyDimensions)
    {
        if (_rows.Count == 0)
            return ChunkVectors.Empty(emptyDimensions);
        var used = _rows.Count * _dimensions;
        if (_matrix.Length != used)
            Array.Resize(ref _matrix, used);
        return new ChunkVectors(_dimensions, _matrix, _rows);
    }
}
