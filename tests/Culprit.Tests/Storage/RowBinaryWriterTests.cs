using System.Buffers;
using Culprit.Storage.ClickHouse;

namespace Culprit.Tests.Storage;

public sealed class RowBinaryWriterTests
{
    private static byte[] Write(Action<RowBinaryWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(new RowBinaryWriter(buffer));
        return buffer.WrittenSpan.ToArray();
    }

    [Theory]
    [InlineData(0UL, new byte[] { 0x00 })]
    [InlineData(1UL, new byte[] { 0x01 })]
    [InlineData(127UL, new byte[] { 0x7F })]
    [InlineData(128UL, new byte[] { 0x80, 0x01 })]
    [InlineData(300UL, new byte[] { 0xAC, 0x02 })]
    [InlineData(1UL << 20, new byte[] { 0x80, 0x80, 0x40 })]
    [InlineData(ulong.MaxValue, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 })]
    public void LengthsAreLeb128(ulong value, byte[] expected) => Assert.Equal(expected, Write(w => w.VarUInt(value)));

    [Fact]
    public void NumbersAreLittleEndian()
    {
        Assert.Equal(new byte[] { 0x34, 0x12 }, Write(w => w.UInt16(0x1234)));
        Assert.Equal(new byte[] { 0x78, 0x56, 0x34, 0x12 }, Write(w => w.UInt32(0x12345678)));
        Assert.Equal(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }, Write(w => w.Int64(-1)));
    }

    [Fact]
    public void StringsAreLengthAndUtf8AndNullIsEmpty()
    {
        Assert.Equal(new byte[] { 0x03, (byte)'a', 0xC3, 0xA9 }, Write(w => w.String("aé")));
        Assert.Equal(new byte[] { 0x00 }, Write(w => w.String(null)));
        Assert.Equal(new byte[] { 0x00 }, Write(w => w.String("")));
        var big = new string('x', 200);
        Assert.Equal([0xC8, 0x01, .. System.Text.Encoding.UTF8.GetBytes(big)], Write(w => w.String(big)));
    }

    [Fact]
    public void ArraysAreCountThenItems()
    {
        Assert.Equal(new byte[] { 0x02, 0x01, (byte)'a', 0x00 }, Write(w => w.StringArray(["a", ""])));
        Assert.Equal(new byte[] { 0x00 }, Write(w => w.StringArray(null)));
    }
}
