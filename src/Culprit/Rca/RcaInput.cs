using Culprit.Model;

namespace Culprit.Rca;

/// <summary>
/// Everything an engine (the heuristic analyst or an LLM) gets about one incident: the root exception, the ranked
/// code candidates with their code, the parameters found in the logs and the suspect changes. Built once per
/// incident and version by the candidate selection; engines never read the logs or the repository themselves.
/// </summary>
public sealed record RcaInput
{
    public required string IncidentId { get; init; }

    /// <summary>"Type: message" of the root exception, or the log message.</summary>
    public required string Title { get; init; }

    public string? Service { get; init; }

    public string? Environment { get; init; }

    public string? Version { get; init; }

    public string? Commit { get; init; }

    public long Count { get; init; }

    public DateTimeOffset? FirstSeen { get; init; }

    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>The whole exception chain of the representative occurrence (null for error lines without a trace).</summary>
    public ExceptionInfo? Exception { get; init; }

    /// <summary>The innermost cause of <see cref="Exception"/>'s chain (the exception itself when it has no cause).</summary>
    public ExceptionInfo? RootException { get; init; }

    /// <summary>The representative log message (header stripped).</summary>
    public string? Message { get; init; }

    /// <summary>Best candidate first; 3 to 5 of them.</summary>
    public IReadOnlyList<RcaCandidate> Candidates { get; init; } = [];

    public IReadOnlyList<ExtractedParameter> Parameters { get; init; } = [];

    /// <summary>Log lines of the same trace/request around the occurrence, oldest first.</summary>
    public IReadOnlyList<string> RelatedLines { get; init; } = [];

    public IReadOnlyList<SuspectChangeSummary> SuspectChanges { get; init; } = [];
}

/// <summary>A function that may hold the root cause, with its code and why it was picked.</summary>
public sealed record RcaCandidate
{
    /// <summary>Repository path.</summary>
    public required string File { get; init; }

    /// <summary>Qualified name of the enclosing symbol.</summary>
    public required string Symbol { get; init; }

    public required int StartLine { get; init; }

    public required int EndLine { get; init; }

    /// <summary>The line a frame points at inside this candidate, when one does.</summary>
    public int? FailingLine { get; init; }

    /// <summary>0-based index of the frame in the root exception's frames innermost first; null when not on the stack.</summary>
    public int? FrameDepth { get; init; }

    /// <summary>The code of lines <see cref="StartLine"/>..<see cref="EndLine"/> (possibly trimmed around the failing line; see <see cref="CodeStartLine"/>).</summary>
    public required string Code { get; init; }

    /// <summary>Line number of the first line of <see cref="Code"/>.</summary>
    public required int CodeStartLine { get; init; }

    public IReadOnlyList<string> ParameterNames { get; init; } = [];

    public IReadOnlyList<string> Calls { get; init; } = [];

    public required double Score { get; init; }

    /// <summary>Each weighted term of the score (docs/rca.md), by name.</summary>
    public IReadOnlyDictionary<string, double> ScoreBreakdown { get; init; } = new Dictionary<string, double>();

    /// <summary>Why it is a candidate: <c>frame</c>, <c>callee</c>, <c>changed</c>, <c>similar</c>.</summary>
    public required string Origin { get; init; }
}

/// <summary>A value found in the logs: <see cref="Source"/> is <c>message</c>, <c>kv</c>, <c>json</c>, <c>template</c> or <c>trace</c>.</summary>
public sealed record ExtractedParameter(string Name, string Value, string Source)
{
    /// <summary>Name of the candidate function parameter or variable it matched, when one did.</summary>
    public string? MatchedName { get; init; }

    public string? MatchedSymbol { get; init; }
}

/// <summary>A commit that changed a function on the incident's stack (or a callee) since the previous deploy.</summary>
public sealed record SuspectChangeSummary(string Sha, string Author, DateTimeOffset When, string Summary, string File, string Symbol, IReadOnlyList<int> ChangedLines);
