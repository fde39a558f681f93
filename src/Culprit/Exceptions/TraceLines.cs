namespace Culprit.Exceptions;

/// <summary>
/// The lines of one entry that trace parsers read, with ANSI colour codes removed and a map back
/// to physical line numbers of the source.
/// </summary>
public sealed class TraceLines
{
    private readonly string[] _lines;
    private readonly long _firstLineNumber;
    private readonly bool _allOnOneLine;

    /// <param name="lines">The lines, already split.</param>
    /// <param name="firstLineNumber">1-based physical line number of <paramref name="lines"/>[0].</param>
    /// <param name="allOnOneLine">True when the lines were decoded from one physical line (a JSON string field):
    /// every index maps to <paramref name="firstLineNumber"/>.</param>
    public TraceLines(string[] lines, long firstLineNumber, bool allOnOneLine = false)
    {
        _lines = lines;
        for (var i = 0; i < _lines.Length; i++)
            _lines[i] = Ansi.Strip(_lines[i]);
        _firstLineNumber = firstLineNumber;
        _allOnOneLine = allOnOneLine;
    }

    public int Count => _lines.Length;

    public string this[int index] => _lines[index];

    /// <summary>The 1-based physical line number of the line at <paramref name="index"/>.</summary>
    public long LineNumber(int index) => _allOnOneLine ? _firstLineNumber : _firstLineNumber + index;

    /// <summary>Splits text on LF (and CRLF) into trace lines.</summary>
    public static TraceLines FromText(string text, long firstLineNumber, bool allOnOneLine)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].EndsWith('\r'))
                lines[i] = lines[i][..^1];
        }

        // A trailing newline does not make a line of its own.
        if (lines.Length > 1 && lines[^1].Length == 0)
            Array.Resize(ref lines, lines.Length - 1);
        return new TraceLines(lines, firstLineNumber, allOnOneLine);
    }

    /// <summary>Joins the lines from <paramref name="first"/> to <paramref name="last"/> inclusive.</summary>
    public string Join(int first, int last) => string.Join('\n', _lines, first, last - first + 1);
}
