using Culprit.Ingestion;
using Culprit.Ingestion.Files;

namespace Culprit.Cli.Templates;

/// <summary>The lines of one file (gzip read transparently), or of stdin buffered so that they can be read twice.</summary>
public sealed class TemplateLines
{
    private readonly string _path;
    private List<string>? _buffered;

    public TemplateLines(string path)
    {
        if (path != LogFiles.Stdin && !File.Exists(path))
            throw new UsageException(Directory.Exists(path) ? $"'{path}' is a directory; give one log file" : $"file not found: '{path}'");
        _path = path;
    }

    /// <summary>Every line, without its line break; the first is line 1.</summary>
    public IEnumerable<string> Read()
    {
        if (_buffered is not null)
            return _buffered;
        if (_path == LogFiles.Stdin)
            return _buffered = [.. ReadStream()];
        return ReadStream();
    }

    private IEnumerable<string> ReadStream()
    {
        using var stream = LogFiles.Open(_path);
        using var reader = new LineReader(stream);
        while (reader.TryRead(out var line))
            yield return line.Text;
        if (reader.Failure is { } failure)
            throw new IOException(failure);
    }
}
