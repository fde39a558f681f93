using System.IO.Compression;
using System.IO.Enumeration;

namespace Culprit.Ingestion.Files;

/// <summary>Turns the paths a user gives (files, directories, globs, <c>-</c> for stdin) into the files to read.</summary>
public static class LogFiles
{
    /// <summary>The name used for standard input.</summary>
    public const string Stdin = "-";

    /// <summary>
    /// Expands <paramref name="paths"/>: a directory gives every file under it (recursively, hidden folders
    /// skipped), a glob (<c>*</c>, <c>?</c>, <c>**</c>) the files it matches. Each path that names nothing is
    /// listed in <paramref name="problems"/> with a clear reason; the others are still returned.
    /// </summary>
    public static IReadOnlyList<string> Resolve(IEnumerable<string> paths, List<string> problems)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (path == Stdin)
            {
                if (seen.Add(path))
                    result.Add(path);
                continue;
            }

            if (path.IndexOfAny(['*', '?']) >= 0)
            {
                var matches = Glob(path);
                if (matches.Count == 0)
                    problems.Add($"no file matches '{path}'");
                foreach (var match in matches)
                {
                    if (seen.Add(match))
                        result.Add(match);
                }

                continue;
            }

            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", new EnumerationOptions
                    {
                        RecurseSubdirectories = true,
                        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
                        IgnoreInaccessible = true,
                    })
                    .Where(f => !IsInHiddenFolder(Path.GetRelativePath(path, f)))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (files.Count == 0)
                    problems.Add($"directory '{path}' holds no files");
                foreach (var file in files)
                {
                    if (seen.Add(file))
                        result.Add(file);
                }

                continue;
            }

            if (File.Exists(path))
            {
                if (seen.Add(path))
                    result.Add(path);
                continue;
            }

            problems.Add($"file not found: '{path}'");
        }

        return result;
    }

    /// <summary>Opens a file (or stdin for <c>-</c>), transparently decompressing gzip by its magic bytes.</summary>
    public static Stream Open(string path) =>
        path == Stdin ? Open(Console.OpenStandardInput(), trailerSize: null) : OpenFile(path);

    /// <summary>Opens any stream, decompressing gzip by its magic bytes (a pipe's first bytes are replayed).</summary>
    public static Stream Open(Stream raw, uint? trailerSize)
    {
        var magic = new byte[2];
        var peeked = raw.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        Stream replay = raw.CanSeek ? raw : new PrefixedStream(magic[..peeked], raw);
        if (raw.CanSeek)
            raw.Seek(-peeked, SeekOrigin.Current);
        var buffered = new BufferedStream(replay, 64 * 1024);
        if (peeked == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
        {
            var gzip = new GZipStream(buffered, CompressionMode.Decompress);
            return trailerSize is { } size ? new GzipTrailerCheck(gzip, size) : gzip;
        }

        return buffered;
    }

    /// <summary>
    /// Opens a file positioned at <paramref name="offset"/> bytes of its (decompressed) content, to resume
    /// after a checkpoint: plain files seek, gzip files decompress and skip.
    /// </summary>
    public static Stream OpenAt(string path, long offset)
    {
        var stream = OpenFile(path);
        if (offset <= 0)
            return stream;
        if (stream is BufferedStream { CanSeek: true } seekable)
        {
            seekable.Seek(offset, SeekOrigin.Begin);
            return seekable;
        }

        var skip = new byte[64 * 1024];
        var left = offset;
        while (left > 0)
        {
            var read = stream.Read(skip, 0, (int)Math.Min(skip.Length, left));
            if (read == 0)
                break;
            left -= read;
        }

        return stream;
    }

    private static Stream OpenFile(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        return Open(file, file.CanSeek ? GzipTrailerCheck.ReadTrailerSize(file) : null);
    }

    private static bool IsInHiddenFolder(string relative)
    {
        foreach (var part in relative.Split(Path.DirectorySeparatorChar))
        {
            if (part.StartsWith('.'))
                return true;
        }

        return false;
    }

    private static List<string> Glob(string pattern)
    {
        // Split into the fixed directory prefix and the wildcard part.
        var full = pattern.Replace('\\', '/');
        var firstWild = full.IndexOfAny(['*', '?']);
        var slash = full.LastIndexOf('/', firstWild);
        var root = slash < 0 ? "." : (slash == 0 ? "/" : full[..slash]);
        var rest = slash < 0 ? full : full[(slash + 1)..];
        if (!Directory.Exists(root))
            return [];

        var recursive = rest.Contains("**", StringComparison.Ordinal) || rest.Contains('/', StringComparison.Ordinal);
        var files = Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = recursive, IgnoreInaccessible = true });
        var result = new List<string>();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (GlobMatches(rest, relative))
                result.Add(slash < 0 ? relative : file);
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }

    /// <summary>Matches a relative path against a glob where <c>**/</c> spans any number of folders and <c>*</c> stays in one.</summary>
    internal static bool GlobMatches(string glob, string path)
    {
        if (glob.StartsWith("**/", StringComparison.Ordinal))
        {
            if (GlobMatches(glob[3..], path))
                return true;
            var next = path.IndexOf('/', StringComparison.Ordinal);
            return next >= 0 && GlobMatches(glob, path[(next + 1)..]);
        }

        var globSlash = glob.IndexOf('/', StringComparison.Ordinal);
        var pathSlash = path.IndexOf('/', StringComparison.Ordinal);
        if (globSlash < 0)
            return pathSlash < 0 && FileSystemName.MatchesSimpleExpression(glob.Replace("**", "*", StringComparison.Ordinal), path, ignoreCase: false);
        if (pathSlash < 0)
            return false;
        return FileSystemName.MatchesSimpleExpression(glob.AsSpan(0, globSlash), path.AsSpan(0, pathSlash), ignoreCase: false)
            && GlobMatches(glob[(globSlash + 1)..], path[(pathSlash + 1)..]);
    }
}
