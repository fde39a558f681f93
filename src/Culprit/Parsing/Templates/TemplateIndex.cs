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
    private readonly Dictionary<PrefixKey, List<Template>> _byOwnPrefix = [];
    private readonly Dictionary<PrefixKey, List<Template>> _byAnyPrefix = [];
    private readonly Dictionary<(int Chunks, string First), List<Template>> _loneVariableChunks = [];
    private readonly Dictionary<(int Chunks, string First), List<Template>> _byChunksAndFirst = [];
    private readonly Dictionary<int, List<Template>> _byChunks = [];
    private long _created;
    private readonly Dictionary<SiblingKey, List<Template>> _siblings = [];
    private readonly Dictionary<string, List<(Template Template, int Position)>> _withoutEmptyVariable = new(StringComparer.Ordinal);
    private readonly List<Template> _all = [];

    /// <summary>Every template created, alive or merged, in creation order.</summary>
    public IReadOnlyList<Template> All => _all;

    public int AliveCount { get; private set; }

    /// <summary>The miner's line count, stamped on new templates as their last use.</summary>
    public long Clock { get; set; }

    /// <summary>The live template with exactly these tokens, or a new one.</summary>
    public Template GetOrCreate(TemplateToken[] tokens)
    {
        var key = TemplateKeys.Exact(tokens);
        if (_exact.TryGetValue(key, out var known))
            return known;
        var t = new Template(tokens, key) { Serial = _created++, LastUsed = Clock };
        _exact.Add(t.Key, t);
        ListOf(_byOwnPrefix, PrefixKey.Of(tokens, PrefixKey.ConstantMask(tokens))).Add(t);
        for (var mask = 0; mask < PrefixKey.MaskCount(tokens); mask++)
            ListOf(_byAnyPrefix, PrefixKey.Of(tokens, mask)).Add(t);
        if (t.HasLoneVariableChunk)
            ListOf(_loneVariableChunks, (t.ChunkCount, First(tokens))).Add(t);
        ListOf(_byChunksAndFirst, (t.ChunkCount, First(tokens))).Add(t);
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
        _byOwnPrefix[PrefixKey.Of(t.Tokens, PrefixKey.ConstantMask(t.Tokens))].Remove(t);
        for (var mask = 0; mask < PrefixKey.MaskCount(t.Tokens); mask++)
            _byAnyPrefix[PrefixKey.Of(t.Tokens, mask)].Remove(t);
        if (t.HasLoneVariableChunk)
            _loneVariableChunks[(t.ChunkCount, First(t.Tokens))].Remove(t);
        _byChunksAndFirst[(t.ChunkCount, First(t.Tokens))].Remove(t);
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

    /// <summary>
    /// Live templates that could match <paramref name="shape"/> token by token: its length, and among its first
    /// three tokens the same text wherever the template has a constant. In any order; callers rank.
    /// </summary>
    public IEnumerable<Template> TokenCandidates(ReadOnlySpan<TemplateToken> shape)
    {
        var lists = new List<List<Template>>();
        for (var mask = 0; mask < PrefixKey.MaskCount(shape); mask++)
        {
            // a constant of the template never equals a variable of the shape
            if ((mask & PrefixKey.ConstantMask(shape)) != mask)
                continue;
            if (_byOwnPrefix.TryGetValue(PrefixKey.Of(shape, mask), out var list))
                lists.Add(list);
        }

        return lists.SelectMany(l => l);
    }

    /// <summary>Live templates that could match <paramref name="shape"/> only chunk by chunk: those with a chunk that is a
    /// lone <c>&lt;*&gt;</c>, the same number of chunks, and the same first token or a variable first.</summary>
    public IEnumerable<Template> ChunkCandidates(ReadOnlySpan<TemplateToken> shape)
    {
        var chunks = TemplateMatcher.ChunkCount(shape);
        var first = First(shape);
        var own = first == VariableFirst ? null : _loneVariableChunks.GetValueOrDefault((chunks, first));
        var variableFirst = _loneVariableChunks.GetValueOrDefault((chunks, VariableFirst));
        return (own ?? []).Concat(variableFirst ?? []);
    }

    /// <summary>Live templates <paramref name="general"/> could cover: the same length and its constants among the first
    /// three tokens; and, when it has a lone-variable chunk, the same number of chunks (and first token).</summary>
    public IEnumerable<Template> Coverable(Template general)
    {
        var tokens = general.Tokens;
        var sameLength = _byAnyPrefix.GetValueOrDefault(PrefixKey.Of(tokens, PrefixKey.ConstantMask(tokens))) ?? [];
        if (!general.HasLoneVariableChunk)
            return sameLength;
        var first = First(tokens);
        var sameChunks = (first == VariableFirst ? _byChunks.GetValueOrDefault(general.ChunkCount) : _byChunksAndFirst.GetValueOrDefault((general.ChunkCount, first))) ?? [];
        return sameLength.Concat(sameChunks);
    }

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

    private const string VariableFirst = "\u0000<*>";

    /// <summary>The bucket of a first token: its text, or one bucket for every variable.</summary>
    private static string First(ReadOnlySpan<TemplateToken> tokens) => tokens.IsEmpty ? "" : tokens[0].IsVariable ? VariableFirst : tokens[0].Text;

    private static List<Template> ListOf<TKey>(Dictionary<TKey, List<Template>> map, TKey key)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
            map.Add(key, list = []);
        return list;
    }
}
