using Culprit.Code;
using Culprit.Model;
using Culprit.Rca.Candidates;
using Culprit.Rca.Parameters;

namespace Culprit.Rca;

/// <summary>Builds an engine's <see cref="RcaInput"/> for one incident: candidates, parameters and related lines.</summary>
public static class RcaInputBuilder
{
    public const int MaxRelatedLines = 20;

    public sealed record Request
    {
        public required string IncidentId { get; init; }

        public required LogEntry Representative { get; init; }

        /// <summary>The exception the incident was grouped by; null for error lines without a trace.</summary>
        public ExceptionInfo? Exception { get; init; }

        public ICodeView? Code { get; init; }

        public long Count { get; init; }

        public DateTimeOffset? FirstSeen { get; init; }

        public DateTimeOffset? LastSeen { get; init; }

        public string? Version { get; init; }

        public IReadOnlyList<SuspectChangeSummary> SuspectChanges { get; init; } = [];

        /// <summary>Entries that share the representative's trace or request id, oldest first.</summary>
        public IReadOnlyList<LogEntry> Related { get; init; } = [];

        public Func<string, int, IReadOnlyList<(string Path, CodeSymbol Symbol, double Similarity)>>? Similar { get; init; }

        public int MaxCandidates { get; init; } = 5;
    }

    /// <summary>Where an error line without a trace is written, as candidates with the logging line as the failing line.</summary>
    private static IReadOnlyList<RcaCandidate> LogStatements(ICodeView code, string message, int max)
    {
        var paths = code.Paths.All;
        var result = new List<RcaCandidate>();
        foreach (var (path, symbol, line) in LogStatementFinder.Find(code, paths, message).Take(max))
        {
            var (text, start) = CandidateSelector.Excerpt(code.Lines(path) ?? [], symbol, line, 60);
            result.Add(new RcaCandidate
            {
                File = path,
                Symbol = symbol.QualifiedName,
                StartLine = symbol.StartLine,
                EndLine = symbol.EndLine,
                FailingLine = line,
                Code = text,
                CodeStartLine = start,
                ParameterNames = SignatureParameters.Names(symbol.Signature, CodeLanguages.FromPath(path) ?? ""),
                Calls = symbol.Calls,
                Score = 1.0 / (1 + result.Count),
                ScoreBreakdown = new Dictionary<string, double>(StringComparer.Ordinal) { ["log_statement"] = 1 },
                Origin = "log",
            });
        }
        return result;
    }

    public static (RcaInput Input, CandidateSet? Candidates) Build(Request request)
    {
        var entry = request.Representative;
        var root = request.Exception?.Root;
        CandidateSet? set = null;
        if (request.Exception is not null && request.Code is not null)
        {
            set = CandidateSelector.Select(new CandidateRequest
            {
                Exception = request.Exception,
                Code = request.Code,
                SuspectChanges = request.SuspectChanges,
                Similar = request.Similar,
                MaxCandidates = request.MaxCandidates,
            });
        }
        var candidates = set?.Candidates ?? [];
        if (request.Exception is null && request.Code is not null)
            candidates = LogStatements(request.Code, entry.Message, request.MaxCandidates);
        var parameters = ParameterExtractor.FromOccurrence(entry, root);
        foreach (var related in ParameterExtractor.FromRelated(request.Related.Where(e => !ReferenceEquals(e, entry))))
        {
            if (!parameters.Exists(p => p.Name == related.Name && p.Value == related.Value))
                parameters.Add(related);
        }
        var title = root is not null ? $"{root.Type}: {root.Message}".TrimEnd(' ', ':') : entry.Message;
        var input = new RcaInput
        {
            IncidentId = request.IncidentId,
            Title = title,
            Service = entry.Service,
            Environment = entry.Environment,
            Version = request.Version ?? entry.Version,
            Commit = request.Code?.Commit ?? entry.CommitSha,
            Count = request.Count,
            FirstSeen = request.FirstSeen,
            LastSeen = request.LastSeen,
            Exception = request.Exception,
            RootException = root,
            Message = entry.Message,
            Candidates = candidates,
            Parameters = ParameterMatcher.Match(parameters, candidates),
            RelatedLines = [.. request.Related.Take(MaxRelatedLines).Select(e => e.Message)],
            SuspectChanges = request.SuspectChanges,
        };
        return (input, set);
    }
}
