using System.Runtime.CompilerServices;
using System.Text;

namespace Culprit.Storage.Archive;

/// <summary>
/// The raw archive in a local folder (the CLI's <c>.culprit/archive/</c>): one file per chunk under
/// <c>&lt;source-hash&gt;/&lt;day&gt;/</c>, and a <c>source.txt</c> per source folder naming the source. Each file is
/// written under a temporary name and renamed into place, so a crash never leaves a half chunk that lists.
/// </summary>
public sealed class FolderArchive : IRawArchive
{
    private const string TempSuffix = ".tmp";

    private readonly ArchiveOptions _options;

    public FolderArchive(string root, ArchiveOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        _options = options ?? new ArchiveOptions();
        _options.Validate();
        Root = Path.GetFullPath(root);
    }

    /// <summary>The archive's folder (created on the first write).</summary>
    public string Root { get; }

    public async Task WriteAsync(ArchiveChunk chunk, ReadOnlyMemory<byte> raw, CancellationToken cancellationToken = default)
    {
        ChunkKey.Check(chunk);
        var key = ChunkKey.Format(chunk, _options.Compression);
        var path = PathOf(key);
        var sourceFolder = Path.Combine(Root, ChunkKey.SourceHash(chunk.Source));

        // Retention removes empty day folders; one retry covers a folder removed between creating it and writing into it.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await EnsureSourceMarkerAsync(sourceFolder, chunk.Source, cancellationToken);
                await WriteAtomicallyAsync(path, chunk.WrittenAt, raw, cancellationToken);
                return;
            }
            catch (DirectoryNotFoundException) when (attempt == 0)
            {
            }
        }
    }

    public async IAsyncEnumerable<ArchiveChunk> ListAsync(string? source = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var chunks = await CollectAsync(source, cancellationToken);
        foreach (var chunk in chunks)
            yield return chunk;
    }

    public Task<Stream> OpenAsync(ArchiveChunk chunk, CancellationToken cancellationToken = default)
    {
        var key = string.IsNullOrEmpty(chunk.Key) ? ChunkKey.Format(chunk, _options.Compression) : chunk.Key;
        if (!ChunkKey.TryParse(key, out var name))
            throw new ArgumentException($"'{key}' is not an archive chunk key", nameof(chunk));

        var path = PathOf(key);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileNotFoundException($"archive chunk {key} (lines {chunk.FirstLine}-{chunk.LastLine} of '{chunk.Source}') is not in {Root}", path, e);
        }

        return Task.FromResult(ChunkCodec.Decompress(file, name.Compression));
    }

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        foreach (var chunk in await CollectAsync(null, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (chunk.RetentionTime >= cutoff)
                continue;
            try
            {
                File.Delete(PathOf(chunk.Key));
                deleted++;
            }
            catch (DirectoryNotFoundException)
            {
                // Another sweep got there first.
            }
        }

        SweepFolders(cutoff);
        return deleted;
    }

    private async Task<List<ArchiveChunk>> CollectAsync(string? source, CancellationToken cancellationToken)
    {
        var chunks = new List<ArchiveChunk>();
        if (!Directory.Exists(Root))
            return chunks;

        IEnumerable<string> folders = source is null
            ? Directory.EnumerateDirectories(Root)
            : [Path.Combine(Root, ChunkKey.SourceHash(source))];
        foreach (var folder in folders)
        {
            var hash = Path.GetFileName(folder);
            if (!ChunkKey.IsHash(hash))
                continue;
            var name = await ReadSourceMarkerAsync(folder, cancellationToken);
            if (name is null || (source is not null && name != source))
                continue;
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                var key = Path.GetRelativePath(Root, file).Replace(Path.DirectorySeparatorChar, '/');
                if (ChunkKey.TryParse(key, out var chunk) && chunk.SourceHash == hash)
                    chunks.Add(new ArchiveChunk(name, chunk.FirstLine, chunk.LastLine, chunk.From, chunk.To, WrittenAt(file), key));
            }
        }

        chunks.Sort(ArchiveChunkOrder.Instance);
        return chunks;
    }

    private static DateTimeOffset WrittenAt(string file) => new(DateTime.SpecifyKind(File.GetLastWriteTimeUtc(file), DateTimeKind.Utc));

    private async Task WriteAtomicallyAsync(string path, DateTimeOffset writtenAt, ReadOnlyMemory<byte> raw, CancellationToken cancellationToken)
    {
        var temp = TempPath(path);
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            {
                await ChunkCodec.CompressAsync(raw, file, _options.Compression, _options.EffectiveLevel, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.SetLastWriteTimeUtc(temp, writtenAt.UtcDateTime);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private static async Task EnsureSourceMarkerAsync(string folder, string source, CancellationToken cancellationToken)
    {
        var existing = await ReadSourceMarkerAsync(folder, cancellationToken);
        if (existing is null)
        {
            var marker = Path.Combine(folder, ChunkKey.SourceMarker);
            var temp = TempPath(marker);
            await File.WriteAllTextAsync(temp, source, Encoding.UTF8, cancellationToken);
            File.Move(temp, marker, overwrite: true);
            existing = source;
        }

        if (existing != source)
            throw new IOException($"archive folder {folder} belongs to source '{existing}', not '{source}' (hash collision)");
    }

    private static async Task<string?> ReadSourceMarkerAsync(string folder, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(Path.Combine(folder, ChunkKey.SourceMarker), Encoding.UTF8, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Removes temporary files left by crashed writers (older than the cutoff, so never one being written) and empty day folders.</summary>
    private void SweepFolders(DateTimeOffset cutoff)
    {
        if (!Directory.Exists(Root))
            return;
        foreach (var temp in Directory.EnumerateFiles(Root, "*" + TempSuffix, SearchOption.AllDirectories))
        {
            if (File.GetLastWriteTimeUtc(temp) < cutoff.UtcDateTime)
                File.Delete(temp);
        }

        foreach (var source in Directory.EnumerateDirectories(Root))
        {
            foreach (var day in Directory.EnumerateDirectories(source))
            {
                if (!Directory.EnumerateFileSystemEntries(day).Any())
                    TryDeleteEmptyFolder(day);
            }
        }
    }

    private static void TryDeleteEmptyFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: false);
        }
        catch (IOException)
        {
            // A writer put a chunk there in the meantime.
        }
    }

    private string PathOf(string key) => Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar));

    private static string TempPath(string path) => $"{path}.{Guid.NewGuid():N}{TempSuffix}";
}
