namespace Culprit.Model;

/// <summary>
/// One exception read from log text, with its frames and its chain of causes.
/// </summary>
/// <remarks>
/// <see cref="Frames"/> are kept in the order the runtime printed them; <see cref="PrintsInnermostFirst"/>
/// says which end is the throw site, and <see cref="InnermostFirst"/> gives them in one order for every runtime.
/// </remarks>
public sealed class ExceptionInfo
{
    public Runtime Runtime { get; set; }

    /// <summary>Type exactly as printed (fully qualified when printed so); <c>panic</c> for Go and Rust; null when none was printed.</summary>
    public string? Type { get; set; }

    /// <summary>First line of the message; empty when the type has no message; null when there is no header.</summary>
    public string? Message { get; set; }

    /// <summary>Further message lines for multi-line messages (empty for one-line messages).</summary>
    public List<string> MessageContinuation { get; } = [];

    public List<Frame> Frames { get; } = [];

    /// <summary>Frames the text says it left out (<c>... 12 more</c>).</summary>
    public int FramesOmitted { get; set; }

    /// <summary>The chain, nearest first; each carries its <see cref="Relation"/>.</summary>
    public List<ExceptionInfo> Causes { get; } = [];

    /// <summary>Java <c>Suppressed:</c> exceptions attached to this one.</summary>
    public List<ExceptionInfo> Suppressed { get; } = [];

    /// <summary>Python ExceptionGroup members.</summary>
    public List<ExceptionInfo> Group { get; } = [];

    /// <summary>Go: every goroutine of the dump, in order.</summary>
    public List<Goroutine> Goroutines { get; } = [];

    public ExceptionRelation Relation { get; set; }

    /// <summary>Thread name where the format states it (Rust panics, Java "Exception in thread").</summary>
    public string? Thread { get; set; }

    public SourceLocation? Location { get; set; }

    /// <summary>The text visibly ends inside the trace.</summary>
    public bool Truncated { get; set; }

    /// <summary>1-based physical line of the file that carries the header (0 when not known).</summary>
    public long FirstLine { get; set; }

    /// <summary>1-based last physical line of the trace, inclusive.</summary>
    public long LastLine { get; set; }

    /// <summary>The trace's text as read.</summary>
    public string Raw { get; set; } = "";

    /// <summary>Whether this runtime prints the throw site first (Java, .NET, Node, Go, Ruby, PHP, Rust) or last (Python).</summary>
    public bool PrintsInnermostFirst => Runtime != Runtime.Python;

    /// <summary>The frames with the throw site first, whatever the runtime's printed order.</summary>
    public IEnumerable<Frame> InnermostFirst => PrintsInnermostFirst ? Frames : Enumerable.Reverse(Frames);

    /// <summary>The innermost cause of the chain: the exception that started it all.</summary>
    public ExceptionInfo Root
    {
        get
        {
            // Python and Node print the chain so that the last link is the original error.
            if (Causes.Count == 0)
                return this;
            return Causes[^1];
        }
    }

    /// <summary>The whole message, continuation lines included.</summary>
    public string? FullMessage => MessageContinuation.Count == 0 || Message is null
        ? Message
        : Message + "\n" + string.Join('\n', MessageContinuation);
}
