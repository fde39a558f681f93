namespace Culprit.Parsing.Templates;

/// <summary>
/// Streaming, online template miner. Each message is tokenized (<see cref="TemplateTokenizer"/>); its token
/// shape (recognised variables masked) is looked up in a hash table, so a message of a known shape costs one
/// pass over its characters and one lookup. A new shape is matched against the templates of its length, then
/// chunk by chunk; if none fits it becomes a template, and word positions in which sibling templates differ
/// are generalised to <c>&lt;*&gt;</c> once they show enough distinct values (see <c>docs/templates.md</c>).
/// Deterministic for a given input order. Not thread-safe: use one miner per thread or lock around it.
/// </summary>
public sealed class TemplateMiner
{
    private readonly TemplateOptions _options;
    private readonly TemplateTokenizer _tokenizer;
    private readonly TokenBuffer _tokens = new();
    private readonly TemplateIndex _index = new();
    private readonly TemplateMerger _merger;
    private readonly ShapeCache _shapes;
    private readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);
    private long _lines;

    public TemplateMiner(TemplateOptions? options = null)
    {
        _options = options ?? new TemplateOptions();
        _tokenizer = new TemplateTokenizer(_options);
        _merger = new TemplateMerger(_index, _options);
        _shapes = new ShapeCache(_options.MaxCachedShapes);
    }

    public TemplateOptions Options => _options;

    /// <summary>Live templates, oldest first.</summary>
    public IReadOnlyList<Template> Templates => [.. _index.All.Where(t => t.Alive)];

    public int TemplateCount => _index.AliveCount;

    /// <summary>Mines one message (the text after the header). <paramref name="time"/> feeds first/last seen.</summary>
    public TemplateMatch Mine(string message, DateTimeOffset? time = null) => Mine(message.AsSpan(), time, message);

    /// <summary>Mines one message without copying it (an example line is copied only while a template has fewer than
    /// <see cref="TemplateOptions.MaxExamples"/>).</summary>
    public TemplateMatch Mine(ReadOnlySpan<char> message, DateTimeOffset? time = null) => Mine(message, time, null);

    /// <summary>
    /// The current template of a message without learning from it (no new template, no counts): for a second
    /// pass that writes each line with the final templates. False when no template fits the message.
    /// </summary>
    public bool TryMatch(ReadOnlySpan<char> message, out TemplateMatch match)
    {
        _tokenizer.Tokenize(message, _tokens);
        var tokens = _tokens.Tokens;
        var hash = ShapeCache.Hash(message, tokens);
        var shape = _shapes.Find(hash, message, tokens);
        if (shape is null)
        {
            var shapeTokens = _shapes.ShapeOf(message, tokens);
            var found = FindTemplate(shapeTokens);
            if (found is null)
            {
                match = default;
                return false;
            }

            shape = _shapes.Add(hash, shapeTokens, found);
        }

        match = new TemplateMatch(PlanFor(shape), message, tokens, shape.Plan, _tokenizer.Chars);
        return true;
    }

    /// <summary>The template that <paramref name="template"/> is now: itself, or the one it was merged into (a template
    /// forgotten past <see cref="TemplateOptions.MaxTemplates"/> stays itself).</summary>
    public static Template Current(Template template) => Resolve(template);

    /// <summary>The live template a template id now stands for (itself, or the template it was merged into); null if unknown.</summary>
    public Template? ResolveId(string id)
    {
        for (var hops = 0; hops < 64; hops++)
        {
            foreach (var t in _index.All)
            {
                if (t.Alive && t.Id == id)
                    return t;
            }

            foreach (var t in _index.All)
            {
                if (!t.Alive && t.MergedInto is not null && t.Id == id && Resolve(t) is { Alive: true } current)
                    return current;
            }

            if (!_aliases.TryGetValue(id, out var next))
                return null;
            id = next;
        }

        return null;
    }

    /// <summary>The state to persist: live templates with their counts, times and examples, and the ids merged away.</summary>
    public TemplateMinerState Snapshot()
    {
        CompactAliases();
        var state = new TemplateMinerState();
        foreach (var t in _index.All)
        {
            if (t.Alive)
                state.Templates.Add(TemplateState.From(t));
        }

        var alive = state.Templates.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (from, to) in _aliases)
        {
            if (!alive.Contains(from))
                state.Aliases[from] = to;
        }

        return state;
    }

    /// <summary>A miner that continues from <paramref name="state"/>: same templates and ids. False (with the reason) for a state that does not read.</summary>
    public static bool TryRestore(TemplateMinerState state, TemplateOptions? options, out TemplateMiner miner, out string? error)
    {
        miner = new TemplateMiner(options);
        error = null;
        foreach (var saved in state.Templates)
        {
            if (!saved.TryGetTokens(out var tokens, out error))
                return false;
            var t = miner._index.GetOrCreate(tokens);
            t.Count += saved.Count;
            t.FirstSeen = saved.FirstSeen;
            t.LastSeen = saved.LastSeen;
            foreach (var example in saved.Examples)
                t.AddExample(example, miner._options.MaxExamples);
        }

        foreach (var (from, to) in state.Aliases)
            miner._aliases[from] = to;
        return true;
    }

    private TemplateMatch Mine(ReadOnlySpan<char> message, DateTimeOffset? time, string? copy)
    {
        _tokenizer.Tokenize(message, _tokens);
        var tokens = _tokens.Tokens;
        var hash = ShapeCache.Hash(message, tokens);
        var shape = _shapes.Find(hash, message, tokens);
        if (shape is null)
        {
            var shapeTokens = _shapes.ShapeOf(message, tokens);
            shape = _shapes.Add(hash, shapeTokens, Assign(shapeTokens));
        }

        var template = PlanFor(shape);
        template.LastUsed = ++_lines;
        template.Seen(time);
        if (template.Examples.Count < _options.MaxExamples)
            template.AddExample(copy ?? message.ToString(), _options.MaxExamples);
        return new TemplateMatch(template, message, tokens, shape.Plan, _tokenizer.Chars);
    }

    /// <summary>Resolves the template of a shape and aligns the shape to it when it changed.</summary>
    private static Template PlanFor(Shape shape)
    {
        var template = Resolve(shape.Template);
        shape.Template = template;
        if (!ReferenceEquals(shape.PlanFor, template))
        {
            shape.Plan = TemplateAligner.Align(template.Tokens, shape.Tokens)
                ?? throw new InvalidOperationException($"template miner: a shape does not fit its template {template.Text}");
            shape.PlanFor = template;
        }

        return template;
    }

    /// <summary>The slow path: the template of a shape seen for the first time.</summary>
    private Template Assign(TemplateToken[] shape)
    {
        var best = FindTemplate(shape);
        if (best is not null)
            return best;
        _index.Clock = _lines + 1;
        var created = _merger.Generalise(_index.GetOrCreate(shape));
        created = _merger.MergeEmptyVariables(Resolve(created));
        _merger.Absorb(created);
        if (_index.AliveCount > _options.MaxTemplates)
            Forget(created);
        return created;
    }

    /// <summary>Drops the least recently used tenth of the templates (never <paramref name="keep"/>) and the shape cache.</summary>
    private void Forget(Template keep)
    {
        var excess = _index.AliveCount - (_options.MaxTemplates - (_options.MaxTemplates / 10));
        var oldest = _index.All.Where(t => t.Alive && !ReferenceEquals(t, keep)).OrderBy(t => t.LastUsed).ThenBy(t => t.Serial).Take(excess).ToList();
        foreach (var t in oldest)
            _index.Drop(t);
        _shapes.Clear();
        CompactAliases();
    }

    /// <summary>The existing template a shape fits, the most specific first (most constant words, then oldest).</summary>
    private Template? FindTemplate(TemplateToken[] shape)
    {
        var minWords = _options.MinConstantWords;
        Template? best = null;
        foreach (var t in _index.TokenCandidates(shape))
        {
            if (MoreSpecific(t, best) && TemplateMatcher.Matches(t.Tokens, shape, t.ConstantWords >= minWords))
                best = t;
        }

        if (best is not null)
            return best;
        foreach (var t in _index.ChunkCandidates(shape))
        {
            if (MoreSpecific(t, best) && TemplateMatcher.ChunkMatches(t, shape, minWords))
                best = t;
        }

        return best;
    }

    /// <summary>More constant words wins; between equals, the older template.</summary>
    private static bool MoreSpecific(Template t, Template? best) =>
        best is null || t.ConstantWords > best.ConstantWords || (t.ConstantWords == best.ConstantWords && t.Serial < best.Serial);

    private static Template Resolve(Template t)
    {
        var root = t;
        while (root.MergedInto is { } next)
            root = next;
        while (t.MergedInto is { } next && !ReferenceEquals(next, root))
        {
            t.MergedInto = root;
            t = next;
        }

        return root;
    }

    /// <summary>Turns merged templates no shape points to any more into id aliases, so they can be released.</summary>
    private void CompactAliases()
    {
        var referenced = new HashSet<Template>(ReferenceEqualityComparer.Instance);
        foreach (var s in _shapes.All())
            referenced.Add(s.Template);
        foreach (var t in _index.All)
        {
            if (!t.Alive && t.MergedInto is not null)
                _aliases[t.Id] = Resolve(t).Id;
        }

        _index.Compact(referenced.Contains);
    }
}
