using Culprit.Model;
using Culprit.Parsing.Templates;

namespace Culprit.Pipeline;

/// <summary>
/// Gives each entry the template of its message's first line and the values of its variables, with one
/// miner per service (or per source when the entry names no service), so templates of unrelated logs do not mix.
/// Not thread-safe: one per pipeline thread. With a state store, each scope's miner starts from its saved
/// state and <see cref="SaveAsync"/> writes the states back, so template ids, counts and first/last seen carry
/// over between runs.
/// </summary>
public sealed class EntryTemplater(ITemplateStateStore? store = null)
{
    /// <summary>Longest first line mined; longer ones are cut (dumps are not templates).</summary>
    public const int MaxMessageChars = 2048;

    private readonly Dictionary<string, TemplateMiner> _miners = new(StringComparer.Ordinal);

    /// <summary>Templates the entry, first loading its scope's saved miner state when there is one.</summary>
    public async ValueTask ApplyAsync(LogEntry entry, CancellationToken cancellationToken = default)
    {
        var scope = Scope(entry);
        if (store is not null && !_miners.ContainsKey(scope))
        {
            var saved = await store.LoadAsync(scope, cancellationToken);
            var miner = saved is not null && TemplateMiner.TryRestore(saved, null, out var restored, out _) ? restored : new TemplateMiner();
            _miners.Add(scope, miner);
        }

        Apply(entry);
    }

    /// <summary>Saves every scope's miner state (nothing without a store).</summary>
    public async Task SaveAsync(CancellationToken cancellationToken = default)
    {
        if (store is null)
            return;
        foreach (var (scope, miner) in _miners)
            await store.SaveAsync(scope, miner.Snapshot(), cancellationToken);
    }

    private static string Scope(LogEntry entry) => entry.Service ?? entry.Position.Source;

    public void Apply(LogEntry entry)
    {
        var message = entry.Message.AsSpan();
        var newline = message.IndexOf('\n');
        if (newline >= 0)
            message = message[..newline];
        if (message.Length > MaxMessageChars)
            message = message[..MaxMessageChars];
        if (message.IsWhiteSpace())
            return;

        var scope = Scope(entry);
        if (!_miners.TryGetValue(scope, out var miner))
        {
            miner = new TemplateMiner();
            _miners.Add(scope, miner);
        }

        var match = miner.Mine(message, entry.Timestamp);
        entry.TemplateId = match.Template.Id;
        if (match.ParameterCount == 0)
            return;
        var values = new string[match.ParameterCount];
        for (var i = 0; i < values.Length; i++)
            values[i] = match.ParameterSpan(i).ToString();
        entry.TemplateParameters = values;
    }
}
