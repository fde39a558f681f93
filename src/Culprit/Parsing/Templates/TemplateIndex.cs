namespace Culprit.Parsing.Templates;

/// <summary>
/// The live templates, indexed for the slow path of the miner: by exact token sequence, by length (for
/// token-level matching), by number of chunks (for chunk-level matching) and by sibling key (the sequence with
/// one word position left out, to find templates that differ at that position only). Lists keep creation
/// order so that every decision is deterministic.
/// </summary>
internal sealed class TemplateIndex
{
    private readonly Dictionary<string, Template> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<Template>> _byLength = [];
    private readonly Dictionary<int, List<Template>> _byChunks = [];
    private readonly Dictionary<SiblingKey, List<Template>> _siblings = [];
    private readonly Dictionary<string, List<(Template Template, int Position)>> _withoutEmptyVariable = new(StringComparer.Ordinal);
    private readonly List<Template> _all = [];

    /// <summary>Every template created, alive or merged, in creation order.</summary>
    public IReadOnlyList<Template> All => _all;

    public int AliveCount { get; private set; }

    /// <summary>The live template with exactly these tokens, or a new one.</summary>
    public Template GetOrCreate(TemplateToken[] tokens)
    {
        var key = TemplateKeys.Exact(tokens);
        if (_exact.TryGetValue(key, out var known))
            return known;
        var t = new Template(tokens, key);
        _exact.Add(t.Key, t);
        ListOf(_byLength, tokens.Length).Add(t);
        ListOf(_byChunks, t.ChunkCount).Add(t);
        for (var p = 0; p < tokens.Length; p++)
        {
            if (IsSiblingPosition(tokens[p]))
            {
                if (!_siblings.TryGetValue(t.SiblingKeys[p], out var list))
                    _siblings.Add(t.SiblingKeys[p], list = []);
                list.Add(t);
            }

            if (MayBeEmpty(tokens, p))
            {
                var shorter = TemplateKeys.Exact([.. tokens.AsSpan(0, p), .. tokens.AsSpan(p + 1)]);
                if (!_withoutEmptyVariable.TryGetValue(shorter, out var list))
                    _withoutEmptyVariable.Add(shorter, list = []);
                list.Add((t, p));
            }
        }

        _all.Add(t);
        AliveCount++;
        return t;
    }

    public Template? Exact(ReadOnlySpan<TemplateToken> tokens) => _exact.GetValueOrDefault(TemplateKeys.Exact(tokens));

    public void Drop(Template t)
    {
        if (!t.Alive)
            return;
        t.Alive = false;
        AliveCount--;
        _exact.Remove(t.Key);
        _byLength[t.Tokens.Length].Remove(t);
        _byChunks[t.ChunkCount].Remove(t);
        for (var p = 0; p < t.Tokens.Length; p++)
        {
            if (IsSiblingPosition(t.Tokens[p]) && _siblings.TryGetValue(t.SiblingKeys[p], out var list))
            {
                list.Remove(t);
                if (list.Count == 0)
                    _siblings.Remove(t.SiblingKeys[p]);
            }

            if (MayBeEmpty(t.Tokens, p))
            {
                var shorter = TemplateKeys.Exact([.. t.Tokens.AsSpan(0, p), .. t.Tokens.AsSpan(p + 1)]);
                if (_withoutEmptyVariable.TryGetValue(shorter, out var entries))
                {
                    entries.RemoveAll(e => ReferenceEquals(e.Template, t));
                    if (entries.Count == 0)
                        _withoutEmptyVariable.Remove(shorter);
                }
            }
        }
    }

    public IReadOnlyList<Template> WithLength(int length) => _byLength.GetValueOrDefault(length) ?? [];

    public IReadOnlyList<Template> WithChunks(int chunks) => _byChunks.GetValueOrDefault(chunks) ?? [];

    /// <summary>Live templates equal to <paramref name="t"/> everywhere but at <paramref name="position"/> (itself included).</summary>
    public IReadOnlyList<Template> Siblings(Template t, int position)
    {
        if (!_siblings.TryGetValue(t.SiblingKeys[position], out var list))
            return [];
        foreach (var x in list)
        {
            if (!SiblingKey.SameExcept(x.Tokens, t.Tokens, position))
                return [.. list.Where(y => SiblingKey.SameExcept(y.Tokens, t.Tokens, position))];
        }

        return list;
    }

    /// <summary>
    /// The live template that has one more glued variable than <paramref name="t"/> and is otherwise equal (the
    /// variable at the lowest position, a recognised variable before a learned one), or null.
    /// </summary>
    public Template? WithOneMoreVariable(Template t)
    {
        if (!_withoutEmptyVariable.TryGetValue(t.Key, out var entries))
            return null;
        Template? best = null;
        var bestRank = int.MaxValue;
        foreach (var (longer, p) in entries)
        {
            var rank = (2 * p) + (longer.Tokens[p].Kind == TokenKind.Variable ? 0 : 1);
            if (longer.Alive && rank < bestRank)
            {
                best = longer;
                bestRank = rank;
            }
        }

        return best;
    }

    /// <summary>Forgets merged templates that nothing points to any more (call with the set still referenced).</summary>
    public void Compact(Func<Template, bool> keep) => _all.RemoveAll(t => !t.Alive && !keep(t));

    /// <summary>A variable glued to both neighbours, not first: the message may have left it empty (<c>()</c>).</summary>
    public static bool MayBeEmpty(TemplateToken[] tokens, int p) =>
        p > 0 && p + 1 < tokens.Length && tokens[p].IsVariable && !tokens[p].SpaceBefore && !tokens[p + 1].SpaceBefore;

    /// <summary>Word and variable positions can be generalised; punctuation and learned positions cannot.</summary>
    public static bool IsSiblingPosition(TemplateToken t) => t.Kind is TokenKind.Word or TokenKind.Weak or TokenKind.Variable;

    private static List<Template> ListOf(Dictionary<int, List<Template>> map, int key)
    {
        if (!map.TryGetValue(key, out var list))
            map.Add(key, list = []);
        return list;
    }
}
