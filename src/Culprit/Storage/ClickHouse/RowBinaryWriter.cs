using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Culprit.Storage.ClickHouse;

/// <summary>
/// ClickHouse's RowBinary encoding, which every server version reads: fixed-width numbers little-endian,
/// strings as a LEB128 length and their UTF-8 bytes, arrays as a LEB128 count and their items.
/// </summary>
internal readonly struct RowBinaryWriter(IBufferWriter<byte> output)
{
    public void UInt8(byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }

    public void UInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(output.GetSpan(2), value);
        output.Advance(2);
    }

    public void UInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(output.GetSpan(4), value);
        output.Advance(4);
    }

    public void Int64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(output.GetSpan(8), value);
        output.Advance(8);
    }

    public void VarUInt(ulong value)
    {
        var span = output.GetSpan(10);
        var n = 0;
        while (value >= 0x80)
        {
            span[n++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[n++] = (byte)value;
        output.Advance(n);
    }

    /// <summary>A String column; null is written as the empty string.</summary>
    public void String(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            UInt8(0);
            return;
        }

        var count = Encoding.UTF8.GetByteCount(value);
        VarUInt((ulong)count);
        var written = Encoding.UTF8.GetBytes(value, output.GetSpan(count));
        output.Advance(written);
    }

    public void StringArray(IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            UInt8(0);
            return;
        }

        VarUInt((ulong)values.Count);
        for (var i = 0; i < values.Count; i++)
            String(values[i]);
    }
}
