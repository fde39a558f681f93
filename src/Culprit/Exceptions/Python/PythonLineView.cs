namespace Culprit.Exceptions.Python;

/// <summary>
/// The lines of one traceback as Python wrote them, with what surrounds them removed: a log prefix on the
/// header line (or on every line, as <c>docker compose</c> writes <c>web_1  | </c>), and the
/// <c>  | </c> margins of exception-group members at <see cref="Depth"/>.
/// </summary>
internal readonly struct PythonLineView
{
    /// <summary>Groups nest at most this deep; deeper margins are read as plain text.</summary>
    public const int MaxDepth = 16;

    private readonly string? _everyLinePrefix;
    private readonly int _headerIndex;
    private readonly int _headerSkip;

    public PythonLineView(TraceLines lines, int headerIndex, int headerSkip, string? everyLinePrefix)
    {
        Lines = lines;
        _headerIndex = headerIndex;
        _headerSkip = headerSkip;
        _everyLinePrefix = everyLinePrefix;
        Depth = 0;
    }

    private PythonLineView(PythonLineView outer, int depth)
    {
        Lines = outer.Lines;
        _headerIndex = outer._headerIndex;
        _headerSkip = outer._headerSkip;
        _everyLinePrefix = outer._everyLinePrefix;
        Depth = depth;
    }

    public TraceLines Lines { get; }

    /// <summary>Exception-group depth: content lines carry <c>2 * Depth</c> spaces and <c>| </c> before the text.</summary>
    public int Depth { get; }

    public int Count => Lines.Count;

    /// <summary>The same lines one or more group levels deeper.</summary>
    public PythonLineView AtDepth(int depth) => new(this, depth);

    /// <summary>The line without its log prefix, group margins included; false when the line lacks the prefix.</summary>
    public bool TryGetOuter(int index, out ReadOnlySpan<char> outer)
    {
        outer = default;
        if (index < 0 || index >= Lines.Count)
            return false;
        var line = Lines[index].AsSpan();
        if (index == _headerIndex)
        {
            outer = line[Math.Min(_headerSkip, line.Length)..];
            return true;
        }

        if (_everyLinePrefix is { } prefix)
        {
            // Editors and log shippers drop the prefix of blank lines along with their trailing spaces.
            if (line.IsWhiteSpace())
                line = [];
            else if (!line.StartsWith(prefix, StringComparison.Ordinal))
                return false;
            else
                line = line[prefix.Length..];
        }

        outer = line;
        return true;
    }

    /// <summary>The text Python printed at this view's depth; false when the line does not carry this depth's margin.</summary>
    public bool TryGet(int index, out ReadOnlySpan<char> content)
    {
        content = default;
        if (!TryGetOuter(index, out var outer))
            return false;
        if (Depth == 0)
        {
            content = outer;
            return true;
        }

        var indent = 2 * Depth;
        if (outer.Length <= indent || outer[indent] != '|')
            return false;
        for (var i = 0; i < indent; i++)
        {
            if (outer[i] != ' ')
                return false;
        }

        content = outer.Length > indent + 2 ? outer[(indent + 2)..] : [];
        return true;
    }

    /// <summary>Whether the line is blank at this depth (a margin alone counts as blank).</summary>
    public bool IsBlank(int index) => TryGet(index, out var content) && content.IsWhiteSpace();

    /// <summary>The first line at or after <paramref name="index"/> that is not blank, or -1 when the view ends first.</summary>
    public int NextNonBlank(int index)
    {
        for (var i = index; i < Lines.Count; i++)
        {
            if (!TryGet(i, out var content))
                return -1;
            if (!content.IsWhiteSpace())
                return i;
        }

        return -1;
    }
}
