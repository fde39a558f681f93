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
    private readonly Dictionary<string, List<Template>> _siblings = new(StringComparer.Ordinal);
    private readonly List<Template> _all = [];

    /// <summary>Every template created, alive or merged, in creation order.</summary>
    public IReadOnlyList<Template> All => _all;

    public int AliveCount { get; private set; }

    /// <summary>The live template with exactly these tokens, or a new one.</summary>
    public Template GetOrCreate(TemplateToken[] tokens)
    {
        if (_exact.TryGetValue(TemplateKeys.Exact(tokens), out var known))
            return known;
        var t = new Template(tokens);
        _exact.Add(t.Key, t);
        ListOf(_byLength, tokens.Length).Add(t);
        ListOf(_byChunks, t.ChunkCount).Add(t);
        for (var p = 0; p < tokens.Length; p++)
        {
            if (IsSiblingPosition(tokens[p]))
            {
                var key = TemplateKeys.Sibling(tokens, p);
                if (!_siblings.TryGetValue(key, out var list))
                    _siblings.Add(key, list = []);
                list.Add(t);
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
            if (IsSiblingPosition(t.Tokens[p]))
            {
                var key = TemplateKeys.Sibling(t.Tokens, p);
                if (_siblings.TryGetValue(key, out var list))
                {
                    list.Remove(t);
                    if (list.Count == 0)
                        _siblings.Remove(key);
                }
            }
        }
    }

    public IReadOnlyList<Template> WithLength(int length) => _byLength.GetValueOrDefault(length) ?? [];

    public IReadOnlyList<Template> WithChunks(int chunks) => _byChunks.GetValueOrDefault(chunks) ?? [];

    public IReadOnlyList<Template> Siblings(Template t, int position) =>
        _siblings.GetValueOrDefault(TemplateKeys.Sibling(t.Tokens, position)) ?? [];

    /// <summary>Forgets merged templates that nothing points to any more (call with the set still referenced).</summary>
    public void Compact(Func<Template, bool> keep) => _all.RemoveAll(t => !t.Alive && !keep(t));

    /// <summary>Word and variable positions can be generalised; punctuation and learned positions cannot.</summary>
    public static bool IsSiblingPosition(TemplateToken t) => t.Kind is TokenKind.Word or TokenKind.Weak or TokenKind.Variable;

    private static List<Template> ListOf(Dictionary<int, List<Template>> map, int key)
    {
        if (!map.TryGetValue(key, out var list))
            map.Add(key, list = []);
        return list;
    }
}
