using System.Text;

namespace Culprit.Code.Index;

/// <summary>A file's text with the offsets of its lines (LF or CRLF), to take line ranges without splitting the whole file.</summary>
internal sealed class SourceLines
{
    private readonly string _text;
    private readonly List<int> _starts = [0];

    public SourceLines(string text)
    {
        _text = text;
        for (var i = text.IndexOf('\n', StringComparison.Ordinal); i >= 0; i = text.IndexOf('\n', i + 1))
            _starts.Add(i + 1);
        if (_starts.Count > 1 && _starts[^1] == text.Length)
            _starts.RemoveAt(_starts.Count - 1);
    }

    public int Count => _text.Length == 0 ? 0 : _starts.Count;

    /// <summary>Line <paramref name="line"/> (1-based) without its line break.</summary>
    public ReadOnlySpan<char> Line(int line)
    {
        var start = _starts[line - 1];
        var end = line < _starts.Count ? _starts[line] - 1 : _text.Length;
        if (end > start && _text[end - 1] == '\n')
            end--;
        if (end > start && _text[end - 1] == '\r')
            end--;
        return _text.AsSpan(start, Math.Max(0, end - start));
    }

    /// <summary>Lines <paramref name="from"/>..<paramref name="to"/> joined with '\n'.</summary>
    public string Join(int from, int to)
    {
        var builder = new StringBuilder();
        for (var line = from; line <= to; line++)
        {
            if (line > from)
                builder.Append('\n');
            builder.Append(Line(line));
        }

        return builder.ToString();
    }
}
