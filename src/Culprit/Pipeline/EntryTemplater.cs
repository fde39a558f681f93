using Culprit.Grouping;
using Culprit.Model;
using Culprit.Parsing.Templates;

namespace Culprit.Pipeline;

/// <summary>
/// Gives each entry the template of its message's first line and the values of its variables, with one
/// miner per service (or per source when the entry names no service), so templates of unrelated logs do not mix.
/// Not thread-safe: one per pipeline thread. With a state store, each scope's miner starts from its saved
/// state and <see cref="SaveAsync"/> writes the states back, so template ids, counts and first/last seen carry
/// over between runs, and so do grouping v2's anchors (<see cref="TemplateAnchors"/>), which it keeps per scope.
/// </summary>
public sealed class EntryTemplater(ITemplateStateStore? store = null) : ITemplateAnchorSource
{
    /// <summary>Longest first line mined; longer ones are cut (dumps are not templates).</summary>
    public const int MaxMessageChars = 2048;

    private readonly Dictionary<string, TemplateMiner> _miners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TemplateAnchors> _anchors = new(StringComparer.Ordinal);
    private LogEntry? _lastEntry;
    private Template? _lastTemplate;

    /// <summary>Templates the entry, first loading its scope's saved miner state when there is one; returns its template.</summary>
    public async ValueTask<Template?> ApplyAsync(LogEntry entry, CancellationToken cancellationToken = default)
    {
        var scope = Scope(entry);
        if (store is not null && !_miners.ContainsKey(scope))
        {
            var saved = await store.LoadAsync(scope, cancellationToken);
            if (saved is not null && TemplateMiner.TryRestore(saved, null, out var restored, out _))
            {
                _miners.Add(scope, restored);
                _anchors.Add(scope, TemplateAnchors.Restore(saved.IncidentAnchors, restored, out _));
            }
            else
            {
                _miners.Add(scope, new TemplateMiner());
            }
        }

        return Apply(entry);
    }

    /// <summary>Saves every scope's miner state with its anchors (nothing without a store).</summary>
    public async Task SaveAsync(CancellationToken cancellationToken = default)
    {
        if (store is null)
            return;
        foreach (var (scope, miner) in _miners)
        {
            var state = miner.Snapshot();
            if (_anchors.TryGetValue(scope, out var anchors))
                state.IncidentAnchors = anchors.ToMap();
            await store.SaveAsync(scope, state, cancellationToken);
        }
    }

    private static string Scope(LogEntry entry) => entry.Service ?? entry.Position.Source;

    /// <summary>Templates the entry; returns its template, or null when its first line is blank.</summary>
    public Template? Apply(LogEntry entry)
    {
        _lastEntry = entry;
        _lastTemplate = null;
        var message = entry.Message.AsSpan();
        var newline = message.IndexOf('\n');
        if (newline >= 0)
            message = message[..newline];
        if (message.Length > MaxMessageChars)
            message = message[..MaxMessageChars];
        if (message.IsWhiteSpace())
            return null;

        var scope = Scope(entry);
        if (!_miners.TryGetValue(scope, out var miner))
        {
            miner = new TemplateMiner();
            _miners.Add(scope, miner);
        }

        var match = miner.Mine(message, entry.Timestamp);
        _lastTemplate = match.Template;
        entry.TemplateId = match.Template.Id;
        if (match.ParameterCount > 0)
        {
            var values = new string[match.ParameterCount];
            for (var i = 0; i < values.Length; i++)
                values[i] = match.ParameterSpan(i).ToString();
            entry.TemplateParameters = values;
        }

        return match.Template;
    }

    /// <summary>The anchor of the last entry templated (grouping runs right after templating); null for any other entry.</summary>
    public string? AnchorOf(LogEntry entry)
    {
        if (!ReferenceEquals(entry, _lastEntry) || _lastTemplate is null)
            return null;
        var scope = Scope(entry);
        if (!_anchors.TryGetValue(scope, out var anchors))
            _anchors.Add(scope, anchors = new TemplateAnchors());
        return anchors.AnchorOf(_lastTemplate);
    }
}
