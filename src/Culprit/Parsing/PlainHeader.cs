using Culprit.Model;

namespace Culprit.Parsing;

/// <summary>What <see cref="PlainHeaderReader"/> found at the start of a plain-text line.</summary>
internal struct PlainHeader
{
    public DateTimeOffset? Timestamp;

    public LogLevel Level;

    public Slice Logger;

    public Slice Thread;

    /// <summary>Syslog's tag or APP-NAME.</summary>
    public Slice App;

    public Slice Host;

    public Slice ProcessId;

    /// <summary>Microsoft.Extensions.Logging's event id (<c>Category[EventId]</c>).</summary>
    public Slice EventId;

    /// <summary>Where the message starts on the header line.</summary>
    public int MessageStart;

    /// <summary>Microsoft.Extensions.Logging console: the message is the next, indented line.</summary>
    public bool MessageOnNextLine;

    /// <summary>The line had syslog's <c>host tag[pid]:</c> after its timestamp.</summary>
    public bool Syslog;

    public readonly bool Found => Timestamp.HasValue || Level != LogLevel.Unknown;
}
