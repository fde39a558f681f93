using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Culprit.Code.Index;

/// <summary>Vectors as stored: float32 little-endian, 4 bytes per dimension, the same bytes in SQLite and PostgreSQL.</summary>
internal static class EmbeddingBytes
{
    public static byte[] From(ReadOnlySpan<float> vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(vector).CopyTo(bytes);
            return bytes;
        }

        for (var i = 0; i < vector.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        return bytes;
    }

    /// <summary>Reads <paramref name="bytes"/> into <paramref name="destination"/>; false when the lengths disagree.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, Span<float> destination)
    {
        if (bytes.Length != destination.Length * sizeof(float))
            return false;
        if (BitConverter.IsLittleEndian)
        {
            bytes.CopyTo(MemoryMarshal.AsBytes(destination));
            return true;
        }

        for (var i = 0; i < destination.Length; i++)
            destination[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
        return true;
    }
}
