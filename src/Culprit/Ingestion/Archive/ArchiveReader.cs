using System.Runtime.CompilerServices;
using System.Text;
using Culprit.Storage;
using Culprit.Storage.Archive;

namespace Culprit.Ingestion.Archive;

/// <summary>
/// Reads a source back from a raw archive: its lines in order, each once, with their original numbers — the input
/// that re-processing needs. Lines covered by two chunks (a source archived twice with different chunk sizes) are
/// read from the first; a damaged chunk is reported and skipped, and the lines after it go on.
/// </summary>
public sealed class ArchiveReader
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly IRawArchive _archive;

    public ArchiveReader(IRawArchive archive) => _archive = archive;

    /// <summary>
    /// The source's archived lines. <see cref="SourceLine.ByteOffset"/> is the offset in the replayed text (lines as
    /// stored, each ended by <c>\n</c>), not in the original file.
    /// </summary>
    public async IAsyncEnumerable<SourceLine> ReadLinesAsync(string source, ArchiveReadReport? report = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        report ??= new ArchiveReadReport();
        long next = 0;
        long offset = 0;
        await foreach (var chunk in _archive.ListAsync(source, cancellationToken))
        {
            if (chunk.LastLine < next)
                continue;
            var body = await ReadChunkAsync(chunk, report, cancellationToken);
            if (body is null)
                continue;

            report.Chunks++;
            if (next > 0 && chunk.FirstLine > next)
                report.MissingLines += chunk.FirstLine - next;

            var number = chunk.FirstLine;
            var start = 0;
            var length = (int)body.Length;
            var bytes = body.GetBuffer();
            while (start < length)
            {
                var newline = bytes.AsSpan(start, length - start).IndexOf((byte)'\n');
                var end = newline < 0 ? length : start + newline;
                if (number >= next)
                {
                    var text = Utf8.GetString(bytes, start, end - start);
                    report.Lines++;
                    yield return new SourceLine(text, number, offset, Cut: false);
                    offset += end - start + 1;
                }

                number++;
                start = end + 1;
            }

            if (number != chunk.LastLine + 1)
                report.Problems.Add($"chunk {chunk.Key} of '{source}' holds {number - chunk.FirstLine} lines, not the {chunk.LineCount} of its range");
            next = Math.Max(next, number);
        }
    }

    /// <summary>Writes the source's archived lines to <paramref name="destination"/> as UTF-8 text, one <c>\n</c> after each.</summary>
    public async Task<ArchiveReadReport> CopyToAsync(string source, Stream destination, CancellationToken cancellationToken = default)
    {
        var report = new ArchiveReadReport();
        var buffer = new byte[64 << 10];
        var used = 0;
        await foreach (var line in ReadLinesAsync(source, report, cancellationToken))
        {
            var length = Utf8.GetByteCount(line.Text) + 1;
            if (used + length > buffer.Length)
            {
                await destination.WriteAsync(buffer.AsMemory(0, used), cancellationToken);
                used = 0;
                if (length > buffer.Length)
                    buffer = new byte[length];
            }

            used += Utf8.GetBytes(line.Text, buffer.AsSpan(used));
            buffer[used++] = (byte)'\n';
        }

        await destination.WriteAsync(buffer.AsMemory(0, used), cancellationToken);
        return report;
    }

    private async Task<MemoryStream?> ReadChunkAsync(ArchiveChunk chunk, ArchiveReadReport report, CancellationToken cancellationToken)
    {
        var body = new MemoryStream();
        try
        {
            await using var stream = await _archive.OpenAsync(chunk, cancellationToken);
            await stream.CopyToAsync(body, cancellationToken);
            return body;
        }
        catch (Exception e) when (e is (IOException and not ArchiveUnavailableException) or InvalidDataException or ZstdSharp.ZstdException)
        {
            // Missing (deleted since listing) or damaged: the lines after it are still worth reading.
            report.Problems.Add($"chunk {chunk.Key} of '{chunk.Source}' could not be read: {e.Message}");
            await body.DisposeAsync();
            return null;
        }
    }
}
