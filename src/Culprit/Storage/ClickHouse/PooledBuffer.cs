using System.Buffers;
using System.Net;

namespace Culprit.Storage.ClickHouse;

/// <summary>
/// A request body built in pooled segments before anything is sent: a failure while writing rows then
/// sends nothing, and the server gets one body with a known length.
/// </summary>
internal sealed class PooledBuffer : HttpContent, IBufferWriter<byte>
{
    private const int SegmentSize = 1 << 20;

    private readonly List<(byte[] Array, int Used)> _segments = [];
    private byte[] _current = [];
    private int _used;

    /// <summary>Bytes written so far.</summary>
    public long Length { get; private set; }

    public void Advance(int count)
    {
        _used += count;
        Length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        var start = Reserve(sizeHint);
        return _current.AsMemory(start);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        var start = Reserve(sizeHint);
        return _current.AsSpan(start);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        foreach (var (array, used) in _segments)
            await stream.WriteAsync(array.AsMemory(0, used), cancellationToken);
        if (_used > 0)
            await stream.WriteAsync(_current.AsMemory(0, _used), cancellationToken);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = Length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var (array, _) in _segments)
                ArrayPool<byte>.Shared.Return(array);
            _segments.Clear();
            if (_current.Length > 0)
                ArrayPool<byte>.Shared.Return(_current);
            _current = [];
            _used = 0;
        }

        base.Dispose(disposing);
    }

    /// <summary>Makes room for at least <paramref name="sizeHint"/> bytes in the current segment; returns where they start.</summary>
    private int Reserve(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_current.Length - _used >= needed)
            return _used;
        if (_used > 0)
            _segments.Add((_current, _used));
        else if (_current.Length > 0)
            ArrayPool<byte>.Shared.Return(_current);
        _current = ArrayPool<byte>.Shared.Rent(Math.Max(needed, SegmentSize));
        _used = 0;
        return 0;
    }
}
