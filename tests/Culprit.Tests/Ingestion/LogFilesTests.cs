using System.IO.Compression;
using Culprit.Ingestion.Files;

namespace Culprit.Tests.Ingestion;

public sealed class LogFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("culprit-files-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void DirectoryIsReadRecursivelyAndHiddenFoldersAreSkipped()
    {
        Write("a.log", "x");
        Write("sub/b.log", "y");
        Write(".git/config", "z");
        var problems = new List<string>();
        var files = LogFiles.Resolve([_dir], problems);
        Assert.Empty(problems);
        Assert.Equal(["a.log", "sub/b.log"], files.Select(f => Path.GetRelativePath(_dir, f)));
    }

    [Fact]
    public void GlobsMatchWithinAndAcrossFolders()
    {
        Write("app-1.log", "x");
        Write("app-2.log", "x");
        Write("other.txt", "x");
        Write("deep/x/app-3.log", "x");
        var problems = new List<string>();
        Assert.Equal(2, LogFiles.Resolve([Path.Combine(_dir, "app-*.log")], problems).Count);
        Assert.Equal(3, LogFiles.Resolve([Path.Combine(_dir, "**/app-*.log")], problems).Count);
        Assert.Empty(problems);
    }

    [Fact]
    public void MissingPathIsNamedInTheProblemAndTheOthersAreKept()
    {
        var good = Write("ok.log", "x");
        var problems = new List<string>();
        var files = LogFiles.Resolve([good, Path.Combine(_dir, "nope.log")], problems);
        Assert.Equal([good], files);
        Assert.Contains(problems, p => p.Contains("nope.log", StringComparison.Ordinal) && p.Contains("not found", StringComparison.Ordinal));
    }

    [Fact]
    public void EmptyDirectoryIsAProblem()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "empty"));
        var problems = new List<string>();
        Assert.Empty(LogFiles.Resolve([Path.Combine(_dir, "empty")], problems));
        Assert.Contains(problems, p => p.Contains("holds no files", StringComparison.Ordinal));
    }

    [Fact]
    public void GzipIsDetectedByItsMagicBytes()
    {
        var path = Path.Combine(_dir, "app.log.1");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
            gz.Write("hello\nworld\n"u8);
        using var reader = new StreamReader(LogFiles.Open(path));
        Assert.Equal("hello\nworld\n", reader.ReadToEnd());
    }

    [Fact]
    public void GzipFromAPipeIsDetectedToo()
    {
        using var compressed = new MemoryStream();
        using (var gz = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            gz.Write("from a pipe\n"u8);
        using var reader = new StreamReader(LogFiles.Open(new NonSeekable(compressed.ToArray()), trailerSize: null));
        Assert.Equal("from a pipe\n", reader.ReadToEnd());
    }

    [Fact]
    public void PlainTextFromAPipeKeepsItsFirstBytes()
    {
        using var reader = new StreamReader(LogFiles.Open(new NonSeekable("ab\ncd"u8.ToArray()), trailerSize: null));
        Assert.Equal("ab\ncd", reader.ReadToEnd());
    }

    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
