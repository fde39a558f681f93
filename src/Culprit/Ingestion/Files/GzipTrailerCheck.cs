namespace Culprit.Ingestion.Files;

/// <summary>
/// Wraps a gzip decompression stream and, at its end, compares the bytes produced with the size the gzip
/// trailer records: .NET's GZipStream ends quietly on a truncated file, this makes the loss visible.
/// </summary>
internal sealed class GzipTrailerCheck : Stream
{
    private readonly Stream _inner;
    private readonly uint _expectedSizeMod32;
    private long _produced;

    public GzipTrailerCheck(Stream inner, uint expectedSizeMod32)
    {
        _inner = inner;
        _expectedSizeMod32 = expectedSizeMod32;
    }

    /// <summary>Reads the ISIZE field (last 4 bytes, little endian) of a gzip file; null when the file is too short.</summary>
    public static uint? ReadTrailerSize(FileStream file)
    {
        if (file.Length < 18)
            return null;
        var position = file.Position;
        Span<byte> trailer = stackalloc byte[4];
        file.Seek(-4, SeekOrigin.End);
        file.ReadExactly(trailer);
        file.Position = position;
        return (uint)(trailer[0] | trailer[1] << 8 | trailer[2] << 16 | trailer[3] << 24);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = _inner.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"gzip data is corrupt after {_produced} bytes: {e.Message}", e);
        }

        _produced += read;
        if (read == 0 && buffer.Length > 0 && (uint)_produced != _expectedSizeMod32)
            throw new InvalidDataException($"gzip file is truncated or corrupt: {_produced} bytes decompressed, its trailer records {_expectedSizeMod32}");
        return read;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _produced;
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _inner.Dispose();
        base.Dispose(disposing);
    }
}
