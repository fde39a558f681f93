using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Culprit.Parsing.Templates;

/// <summary>
/// The fast path: token shapes already seen (the token sequence with recognised variables masked), found by
/// a 64-bit hash and confirmed token by token, each with the template it was assigned and the alignment of
/// its tokens to that template's <c>&lt;*&gt;</c>. Bounded: past the limit it starts over (templates stay).
/// </summary>
internal sealed class ShapeCache
{
    private const ulong Seed = 0x243F6A8885A308D3;
    private const ulong Multiplier = 0x9E3779B97F4A7C15;

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
            Clear();

        var shape = new Shape(tokens, template);
        if (_shapes.TryGetValue(hash, out var first))
            shape.Next = first;
        _shapes[hash] = shape;
        Count++;
        return shape;
    }

    public void Clear()
    {
        _shapes.Clear();
        _strings.Clear();
        Count = 0;
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

    /// <summary>A 64-bit hash of a token shape: kinds, spacing, and the text of every token but the variables.</summary>
    public static ulong Hash(ReadOnlySpan<char> text, ReadOnlySpan<LogToken> tokens)
    {
        var h = Seed;
        foreach (var t in tokens)
        {
            h = Mix(h, (ulong)((int)t.Kind | (t.SpaceBefore ? 8 : 0) | (t.Length << 4)));
            if (t.Kind == TokenKind.Variable)
                continue;
            var bytes = MemoryMarshal.AsBytes(text.Slice(t.Start, t.Length));
            while (bytes.Length >= 8)
            {
                h = Mix(h, BinaryPrimitives.ReadUInt64LittleEndian(bytes));
                bytes = bytes[8..];
            }

            if (!bytes.IsEmpty)
            {
                ulong tail = 0;
                for (var i = 0; i < bytes.Length; i++)
                    tail |= (ulong)bytes[i] << (8 * i);
                h = Mix(h, tail);
            }
        }

        return h ^ (h >> 31);
    }

    private static ulong Mix(ulong h, ulong value) => BitOperations.RotateLeft((h ^ value) * Multiplier, 29);

    private string Intern(ReadOnlySpan<char> word)
    {
        if (_lookup.TryGetValue(word, out var known))
            return known;
        var s = word.ToString();
        _strings[s] = s;
        return s;
    }
}
