namespace Culprit.Code.Symbols;

/// <summary>A source text, its <see cref="SourceMask"/> and where its lines start (lines are 1-based).</summary>
internal sealed class MaskedSource
{
    private readonly int[] _lineStarts;
    private readonly List<(int From, int To)> _multiLine;

    public MaskedSource(string text, LexicalRules rules)
    {
        Text = text;
        Rules = rules;
        var mask = SourceMask.Create(text, rules);
        Code = mask.Masked;
        Unterminated = mask.Unterminated;
        _multiLine = mask.MultiLine;
        var starts = new List<int>(text.Length / 32 + 1) { 0 };
        var span = text.AsSpan();
        var at = 0;
        while (true)
        {
            var nl = span[at..].IndexOf('\n');
            if (nl < 0)
                break;
            at += nl + 1;
            starts.Add(at);
        }

        _lineStarts = [.. starts];
    }

    public string Text { get; }

    /// <summary>The text with comments and string literals blanked.</summary>
    public ReadOnlyMemory<char> Code { get; }

    public LexicalRules Rules { get; }

    /// <summary>A comment or literal was still open at the end of the text.</summary>
    public bool Unterminated { get; }

    public int LineCount => _lineStarts.Length;

    public int LineStart(int line) => _lineStarts[Math.Clamp(line, 1, _lineStarts.Length) - 1];

    /// <summary>Offset of the line's '\n' (or the text length for the last line).</summary>
    public int LineEnd(int line) => line >= _lineStarts.Length ? Text.Length : _lineStarts[line] - 1;

    public int LineOf(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        return index >= 0 ? index + 1 : ~index;
    }

    public ReadOnlySpan<char> CodeLine(int line) => Code.Span[LineStart(line)..LineEnd(line)];

    public ReadOnlySpan<char> TextLine(int line) => Text.AsSpan(LineStart(line), LineEnd(line) - LineStart(line));

    /// <summary>The offset of <paramref name="name"/> as a whole word in the code of the line, or -1 (e.g. it is inside a string).</summary>
    public int FindWord(int line, string name)
    {
        var code = CodeLine(line);
        var from = 0;
        while (from < code.Length)
        {
            var at = code[from..].IndexOf(name, StringComparison.Ordinal);
            if (at < 0)
                return -1;
            at += from;
            var end = at + name.Length;
            if ((at == 0 || !IsWordChar(code[at - 1])) && (end >= code.Length || !IsWordChar(code[end])))
                return LineStart(line) + at;
            from = at + 1;
        }

        return -1;
    }

    /// <summary>The start offset of the multi-line literal or comment the offset lies inside (not at its first character), or -1.</summary>
    public int LiteralStartAround(int offset)
    {
        int low = 0, high = _multiLine.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            var (from, to) = _multiLine[mid];
            if (offset <= from)
                high = mid - 1;
            else if (offset >= to)
                low = mid + 1;
            else
                return from;
        }

        return -1;
    }

    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';
}
