namespace Culprit.Parsing.Templates;

/// <summary>
/// A message template such as <c>Received block &lt;*&gt; of size &lt;*&gt; from &lt;*&gt;</c>, with the lines it
/// stands for. A template never changes its text: when the miner generalises or merges templates it creates
/// a new one (a new id) and the old ones point to it (<see cref="TemplateMiner.ResolveId"/>).
/// </summary>
public sealed class Template
{
    private readonly List<string> _examples = [];
    private string? _id;
    private string? _text;

    internal Template(TemplateToken[] tokens, string key)
    {
        Tokens = tokens;
        Key = key;
        SiblingKeys = SiblingKey.All(tokens);
        var chunks = 0;
        foreach (var t in tokens)
        {
            if (t.IsConstantWord)
                ConstantWords++;
            if (t.IsVariable)
                ParameterCount++;
            if (t.SpaceBefore || chunks == 0)
                chunks++;
        }

        ChunkCount = chunks;
        HasLoneVariableChunk = LoneVariableChunk(tokens);
    }

    /// <summary>Stable id: the first 64 bits of SHA-256 over <see cref="Text"/>, 16 hex digits.</summary>
    public string Id => _id ??= TemplateKeys.Id(Text);

    /// <summary>The template, variables written <c>&lt;*&gt;</c>, words separated by single spaces.</summary>
    public string Text => _text ??= TemplateKeys.Text(Tokens);

    /// <summary>Lines assigned to this template (including those of templates merged into it).</summary>
    public long Count { get; internal set; }

    /// <summary>Earliest timestamp given with one of its lines; null when none was given.</summary>
    public DateTimeOffset? FirstSeen { get; internal set; }

    /// <summary>Latest timestamp given with one of its lines; null when none was given.</summary>
    public DateTimeOffset? LastSeen { get; internal set; }

    /// <summary>The first lines seen (at most <see cref="TemplateOptions.MaxExamples"/>).</summary>
    public IReadOnlyList<string> Examples => _examples;

    /// <summary>Number of <c>&lt;*&gt;</c> in the template.</summary>
    public int ParameterCount { get; }

    public override string ToString() => Text;

    internal TemplateToken[] Tokens { get; }

    internal string Key { get; }

    /// <summary>When a line last landed on this template, in the miner's line count (for forgetting the least recent).</summary>
    internal long LastUsed { get; set; }

    /// <summary>Creation order within a miner: the older of two equally specific templates wins a match.</summary>
    internal long Serial { get; init; }

    /// <summary>The sibling key of each position (see <see cref="TemplateIndex"/>).</summary>
    internal SiblingKey[] SiblingKeys { get; }

    internal int ConstantWords { get; }

    internal int ChunkCount { get; }

    /// <summary>True when a chunk is a lone <c>&lt;*&gt;</c> (with trailing punctuation): it can match whole chunks.</summary>
    internal bool HasLoneVariableChunk { get; }

    internal bool Alive { get; set; } = true;

    /// <summary>The template this one was merged into; null while it is alive.</summary>
    internal Template? MergedInto { get; set; }

    private static bool LoneVariableChunk(TemplateToken[] tokens)
    {
        for (var i = 0; i < tokens.Length; i = TemplateMatcher.ChunkEnd(tokens, i))
        {
            if (TemplateMatcher.IsLoneVariable(tokens.AsSpan(i, TemplateMatcher.ChunkEnd(tokens, i) - i)))
                return true;
        }

        return false;
    }

    internal void Seen(DateTimeOffset? time)
    {
        Count++;
        if (time is not { } t)
            return;
        if (FirstSeen is null || t < FirstSeen)
            FirstSeen = t;
        if (LastSeen is null || t > LastSeen)
            LastSeen = t;
    }

    internal void AddExample(string line, int max)
    {
        if (_examples.Count < max)
            _examples.Add(line);
    }

    /// <summary>Takes over the counts, times and examples of a template merged into this one.</summary>
    internal void Absorb(Template other, int maxExamples)
    {
        Count += other.Count;
        if (other.FirstSeen is { } first && (FirstSeen is null || first < FirstSeen))
            FirstSeen = first;
        if (other.LastSeen is { } last && (LastSeen is null || last > LastSeen))
            LastSeen = last;
        foreach (var example in other._examples)
            AddExample(example, maxExamples);
    }
}
