using Culprit.Model;
using Culprit.Parsing.Templates;

namespace Culprit.Pipeline;

/// <summary>
/// Gives each entry the template of its message's first line and the values of its variables, with one
/// miner per service (or per source when the entry names no service), so templates of unrelated logs do not mix.
/// Not thread-safe: one per pipeline thread.
/// </summary>
public sealed class EntryTemplater
{
    /// <summary>Longest first line mined; longer ones are cut (dumps are not templates).</summary>
    public const int MaxMessageChars = 2048;

    private readonly Dictionary<string, TemplateMiner> _miners = new(StringComparer.Ordinal);

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

        var scope = entry.Service ?? entry.Position.Source;
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
