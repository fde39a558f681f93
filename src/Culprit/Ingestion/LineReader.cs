using System.Buffers;
using System.Text;

namespace Culprit.Ingestion;

/// <summary>
/// Reads lines from a byte stream with flat memory: a pooled buffer that grows only up to the longest
/// allowed line. Invalid UTF-8 is replaced with U+FFFD; a line longer than <see cref="MaxLineBytes"/> is cut
/// there and the rest of it skipped, with <see cref="SourceLine.Cut"/> set.
/// </summary>
public sealed class LineReader : IDisposable
{
    /// <summary>Longest line kept whole: 1 MiB.</summary>
    public const int MaxLineBytes = 1 << 20;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private long _lineNumber;
    private long _offset;
    private bool _first = true;

    /// <param name="stream">The bytes, positioned at <paramref name="startOffset"/>.</param>
    /// <param name="startOffset">Byte offset of the stream's position within the source (when resuming).</param>
    /// <param name="startLine">Number of lines before that position (when resuming).</param>
    public LineReader(Stream stream, int maxLineBytes = MaxLineBytes, int bufferSize = 64 * 1024, long startOffset = 0, long startLine = 0)
    {
        _stream = stream;
        _offset = startOffset;
        _lineNumber = startLine;
        _first = startOffset == 0;
        _maxLineBytes = maxLineBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(bufferSize, 256));
    }

    /// <summary>Bytes consumed so far, for progress reporting.</summary>
    public long BytesRead => _offset;

    /// <summary>Set when the stream failed part way (a truncated gzip file): what was read before is kept.</summary>
    public string? Failure { get; private set; }

    public bool TryRead(out SourceLine line)
    {
        var cut = false;
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                if (newline > _maxLineBytes)
                {
                    line = Emit(_maxLineBytes, newline + 1, cut: true);
                    return true;
                }

                line = Emit(newline, newline + 1, cut);
                return true;
            }

            var pending = _end - _start;
            if (pending > _maxLineBytes)
            {
                // Keep the first MaxLineBytes of the line, then skip to its end.
                line = Emit(_maxLineBytes, consumed: 0, cut: true);
                SkipRestOfLine();
                line = line with { EndOffset = _offset };
                return true;
            }

            if (_eof)
            {
                if (pending == 0)
                {
                    line = default;
                    return false;
                }

                line = Emit(pending, pending, cut);
                return true;
            }

            Fill();
        }
    }

    private SourceLine Emit(int length, int consumed, bool cut)
    {
        var span = _buffer.AsSpan(_start, length);
        if (!cut && span.Length > 0 && span[^1] == (byte)'\r')
            span = span[..^1];
        if (cut)
        {
            // Never split a UTF-8 sequence when cutting.
            var keep = span.Length;
            while (keep > 0 && (span[keep - 1] & 0xC0) == 0x80)
                keep--;
            if (keep > 0 && span[keep - 1] >= 0xC0)
                keep--;
            span = span[..keep];
        }

        if (_first)
        {
            _first = false;
            if (span.StartsWith("\uFEFF"u8))
                span = span[3..];
        }

        var text = Utf8.GetString(span);
        _lineNumber++;
        var start = _offset;
        _start += consumed;
        _offset += consumed;
        return new SourceLine(text, _lineNumber, start, cut, _offset);
    }

    private void SkipRestOfLine()
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _start += newline + 1;
                _offset += newline + 1;
                return;
            }

            _offset += _end - _start;
            _start = _end = 0;
            if (_eof)
                return;
            Fill();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        int read;
        try
        {
            read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            Failure = e.Message;
            read = 0;
        }

        if (read == 0)
            _eof = true;
        _end += read;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _stream.Dispose();
    }
}
