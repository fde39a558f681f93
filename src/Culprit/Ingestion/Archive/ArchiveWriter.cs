using System.Buffers;
using System.Text;
using Culprit.Framing;
using Culprit.Storage;

namespace Culprit.Ingestion.Archive;

/// <summary>
/// Gathers the raw lines of one source, in order, and writes them to a raw archive in chunks of about
/// <see cref="ArchiveWriterOptions.ChunkBytes"/>, each recording its line range and the time range of its entries.
/// Chunks end at entry boundaries when fed whole entries, and at any gap in the line numbers, so every chunk holds
/// exactly the lines its range names. Call <see cref="FlushAsync"/> at the end: what is still gathered is written then.
/// Lines are stored as read (UTF-8, each ended by <c>\n</c>).
/// </summary>
/// <remarks>
/// The source name must name one stream of lines: a rotated file that starts again at line 1 needs a new name
/// (the checkpoint's inode, for instance), or its chunks replace those of the file it replaced.
/// </remarks>
public sealed class ArchiveWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly IRawArchive _archive;
    private readonly TimeProvider _time;
    private readonly int _chunkBytes;
    private readonly ArrayBufferWriter<byte> _buffer;
    private long _firstLine;
    private long _nextLine;
    private DateTimeOffset? _from;
    private DateTimeOffset? _to;

    public ArchiveWriter(IRawArchive archive, string source, ArchiveWriterOptions? options = null, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        options ??= new ArchiveWriterOptions();
        options.Validate();
        _archive = archive;
        _time = time ?? TimeProvider.System;
        _chunkBytes = options.ChunkBytes;
        _buffer = new ArrayBufferWriter<byte>(Math.Min(_chunkBytes + (64 << 10), 1 << 20));
        Source = source;
    }

    public string Source { get; }

    public long ChunksWritten { get; private set; }

    public long LinesWritten { get; private set; }

    /// <summary>Raw (uncompressed) bytes written.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Lines gathered and not yet written.</summary>
    public long PendingLines => _nextLine - _firstLine;

    /// <summary>Adds one framed entry with the timestamp its parser found (or null); writes a chunk when enough is gathered.</summary>
    public async ValueTask AddAsync(RawEntry entry, DateTimeOffset? timestamp, CancellationToken cancellationToken = default)
    {
        if (!string.Equals(entry.Source, Source, StringComparison.Ordinal))
            throw new ArgumentException($"entry of '{entry.Source}' given to the archive writer of '{Source}'", nameof(entry));
        if (entry.Lines.Count == 0)
            return;

        await StartAtAsync(entry.FirstLine, cancellationToken);
        foreach (var line in entry.Lines)
            Append(line);
        Widen(timestamp);
        if (_buffer.WrittenCount >= _chunkBytes)
            await FlushAsync(cancellationToken);
    }

    /// <summary>Adds one raw line with its 1-based number (and the timestamp of its entry, if known).</summary>
    public async ValueTask AddLineAsync(long number, string text, DateTimeOffset? timestamp = null, CancellationToken cancellationToken = default)
    {
        await StartAtAsync(number, cancellationToken);
        Append(text);
        Widen(timestamp);
        if (_buffer.WrittenCount >= _chunkBytes)
            await FlushAsync(cancellationToken);
    }

    /// <summary>Writes what is gathered as one chunk; nothing when nothing is.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        if (PendingLines == 0)
            return;
        var chunk = new ArchiveChunk(Source, _firstLine, _nextLine - 1, _from, _to, _time.GetUtcNow());
        await _archive.WriteAsync(chunk, _buffer.WrittenMemory, cancellationToken);
        ChunksWritten++;
        LinesWritten += chunk.LineCount;
        BytesWritten += _buffer.WrittenCount;
        _buffer.ResetWrittenCount();
        _firstLine = _nextLine;
        _from = _to = null;
    }

    /// <summary>A line that does not follow the gathered ones (a gap, or lines again) starts a new chunk.</summary>
    private async ValueTask StartAtAsync(long line, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(line, 1);
        if (PendingLines > 0 && line != _nextLine)
            await FlushAsync(cancellationToken);
        if (PendingLines == 0)
            _firstLine = _nextLine = line;
    }

    private void Append(string line)
    {
        var length = Utf8.GetByteCount(line);
        var span = _buffer.GetSpan(length + 1);
        Utf8.GetBytes(line, span);
        if (span[..length].Contains((byte)'\n'))
            throw new ArgumentException($"a line of '{Source}' holds a line break; lines are given without theirs", nameof(line));
        span[length] = (byte)'\n';
        _buffer.Advance(length + 1);
        _nextLine++;
    }

    private void Widen(DateTimeOffset? timestamp)
    {
        if (timestamp is not { } at)
            return;
        if (_from is null || at < _from)
            _from = at;
        if (_to is null || at > _to)
            _to = at;
    }
}
