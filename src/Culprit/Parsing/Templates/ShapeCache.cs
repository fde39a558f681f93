namespace Culprit.Parsing.Templates;

/// <summary>
/// The fast path: token shapes already seen (the token sequence with recognised variables masked), found by
/// a 64-bit hash and confirmed token by token, each with the template it was assigned and the alignment of
/// its tokens to that template's <c>&lt;*&gt;</c>. Bounded: past the limit it starts over (templates stay).
/// </summary>
internal sealed class ShapeCache
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    private readonly int _capacity;
    private readonly Dictionary<ulong, Shape> _shapes = [];
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public ShapeCache(int capacity)
    {
        _capacity = capacity;
        _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count { get; private set; }

    public Shape? Find(ulong hash, ReadOnlySpan<char> text, ReadOnlySpan<LogToken> tokens)
    {
        _shapes.TryGetValue(hash, out var shape);
        while (shape is not null && !shape.Equals(text, tokens))
            shape = shape.Next;
        return shape;
    }

    /// <summary>The shape of a tokenized message, its words interned.</summary>
    public TemplateToken[] ShapeOf(ReadOnlySpan<char> text, ReadOnlySpan<LogToken> tokens)
    {
        var shape = new TemplateToken[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            var word = t.Kind == TokenKind.Variable ? TemplateToken.Wildcard : Intern(text.Slice(t.Start, t.Length));
            shape[i] = new TemplateToken(word, t.Kind, t.SpaceBefore);
        }

        return shape;
    }

    public Shape Add(ulong hash, TemplateToken[] tokens, Template template)
    {
        if (Count >= _capacity)
        {
            _shapes.Clear();
            _strings.Clear();
            Count = 0;
        }

        var shape = new Shape(tokens, template);
        if (_shapes.TryGetValue(hash, out var first))
            shape.Next = first;
        _shapes[hash] = shape;
        Count++;
        return shape;
    }

    /// <summary>Every shape still cached (to keep the templates they point to).</summary>
    public IEnumerable<Shape> All()
    {
        foreach (var first in _shapes.Values)
        {
            for (var s = first; s is not null; s = s.Next)
                yield return s;
        }
    }

    public static ulong Hash(ReadOnlySpan<char> text, ReadOnlySpan<LogToken> tokens)
    {
        var h = Offset;
        foreach (var t in tokens)
        {
            h = (h ^ (ulong)((int)t.Kind | (t.SpaceBefore ? 8 : 0) | 16)) * Prime;
            if (t.Kind == TokenKind.Variable)
                continue;
            foreach (var c in text.Slice(t.Start, t.Length))
                h = (h ^ c) * Prime;
        }

        return h;
    }

    private string Intern(ReadOnlySpan<char> word)
    {
        if (_lookup.TryGetValue(word, out var known))
            return known;
        var s = word.ToString();
        _strings[s] = s;
        return s;
    }
}
