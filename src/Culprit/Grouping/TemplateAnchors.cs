using Culprit.Parsing.Templates;

namespace Culprit.Grouping;

/// <summary>
/// The template each error-line incident of one scope was created with (its <em>anchor</em>), and which later
/// templates lead back to it. The miner never edits a template: when it generalises <c>shard 3</c> into
/// <c>shard &lt;*&gt;</c> it makes a new template and the old one points to it. A template seen for the first
/// time is therefore looked up by lineage: the oldest anchor whose template now resolves to it is its anchor;
/// with none, the template becomes an anchor itself. The map (template id → anchor id) is saved with the
/// scope's miner state, so later runs keep the incidents (docs/grouping.md, grouping v2).
/// Not thread-safe, like the miner it follows.
/// </summary>
public sealed class TemplateAnchors
{
    /// <summary>Template ids remembered per scope; past it a new template is its own anchor and is not remembered.</summary>
    public const int MaxEntries = 20_000;

    private readonly Dictionary<string, string> _anchorOf = new(StringComparer.Ordinal);
    private readonly List<(string Id, Template? Template)> _anchors = [];

    /// <summary>Template ids known, anchors included.</summary>
    public int Count => _anchorOf.Count;

    /// <summary>The anchor id of <paramref name="template"/>, making it an anchor when no older one leads to it.</summary>
    public string AnchorOf(Template template)
    {
        if (_anchorOf.TryGetValue(template.Id, out var known))
            return known;
        var current = TemplateMiner.Current(template);
        foreach (var (id, anchor) in _anchors)
        {
            if (anchor is not null && ReferenceEquals(TemplateMiner.Current(anchor), current))
            {
                Remember(template.Id, id);
                return id;
            }
        }

        if (_anchorOf.Count < MaxEntries)
        {
            _anchors.Add((template.Id, template));
            _anchorOf.Add(template.Id, template.Id);
        }

        return template.Id;
    }

    /// <summary>The map to save: template id → anchor id, anchors first appearing as their own entry, oldest first.</summary>
    public Dictionary<string, string> ToMap() => new(_anchorOf, StringComparer.Ordinal);

    /// <summary>
    /// Anchors saved by <see cref="ToMap"/>, tied to the restored <paramref name="miner"/>'s templates. Entries that
    /// do not read (empty ids, an anchor missing as its own entry) are skipped and counted in the result.
    /// </summary>
    public static TemplateAnchors Restore(IReadOnlyDictionary<string, string>? saved, TemplateMiner miner, out int skipped)
    {
        var anchors = new TemplateAnchors();
        skipped = 0;
        if (saved is null)
            return anchors;
        foreach (var (id, anchor) in saved)
        {
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(anchor) || (id != anchor && !saved.ContainsKey(anchor)) || anchors._anchorOf.Count >= MaxEntries)
            {
                skipped++;
                continue;
            }

            anchors._anchorOf.Add(id, anchor);
            if (id == anchor)
                anchors._anchors.Add((id, miner.ResolveId(id)));
        }

        return anchors;
    }

    private void Remember(string templateId, string anchorId)
    {
        if (_anchorOf.Count < MaxEntries)
            _anchorOf.Add(templateId, anchorId);
    }
}
