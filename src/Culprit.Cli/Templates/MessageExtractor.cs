using Culprit.Framing;
using Culprit.Parsing;
using Culprit.Parsing.Templates;

namespace Culprit.Cli.Templates;

/// <summary>
/// Takes the message out of a raw line before mining: the whole line (<c>--content-only</c>), the
/// <c>&lt;Content&gt;</c> of a <c>--log-format</c>, or what the engine's header parser leaves after the header
/// (timestamp, level, logger, thread, pid). Counts the lines a <c>--log-format</c> did not match (they are
/// mined whole).
/// </summary>
public sealed class MessageExtractor
{
    private readonly bool _contentOnly;
    private readonly LineFormat? _format;
    private readonly EntryParser _parser = new(TimeProvider.System);

    public MessageExtractor(bool contentOnly, LineFormat? format)
    {
        _contentOnly = contentOnly;
        _format = format;
    }

    /// <summary>Lines a <c>--log-format</c> did not match.</summary>
    public long Unmatched { get; private set; }

    public string Extract(string line, long lineNumber, out DateTimeOffset? time)
    {
        time = null;
        if (_contentOnly)
            return line;
        if (_format is not null)
        {
            if (_format.TryGetContent(line, out var content))
                return content;
            Unmatched++;
            return line;
        }

        var raw = new RawEntry("input", lineNumber, 0) { StartsWithHeader = true };
        raw.Lines.Add(line);
        var entry = _parser.Parse(raw);
        time = entry.Timestamp;
        return entry.Message;
    }
}
