using Culprit.Code;
using Culprit.Code.Changes;
using Culprit.Code.Mapping;
using Culprit.Model;

namespace Culprit.Rca;

/// <summary>
/// Points an incident at code: picks the commit that produced it (the one given, the entry's own commit, the deploy
/// active at the time, or HEAD with a note), resolves its frames, finds the candidates and the changes since the
/// previous deploy to the functions on the stack and their callees, and runs the engine when one is given.
/// One repository per explainer; code views are cached per commit.
/// </summary>
public sealed class IncidentExplainer
{
    private readonly ICodeRepository _repository;
    private readonly ISymbolExtractor _extractor;
    private readonly IReadOnlyList<CodeMapping> _mappings;
    private readonly Dictionary<string, ICodeView> _views = new(StringComparer.Ordinal);

    public IncidentExplainer(ICodeRepository repository, ISymbolExtractor extractor, IReadOnlyList<CodeMapping>? mappings = null)
    {
        _repository = repository;
        _extractor = extractor;
        _mappings = mappings ?? [];
    }

    /// <summary>The commit to use for every incident (<c>--commit</c>); null to work it out per incident.</summary>
    public string? Commit { get; init; }

    /// <summary>The previous commit to diff against (<c>--previous</c>); null to ask <see cref="PreviousDeploy"/>.</summary>
    public string? PreviousCommit { get; init; }

    /// <summary>The deployed (version, commit) for an entry without a commit of its own, from the deploys table.</summary>
    public Func<LogEntry, (string? Version, string? Commit)>? DeployOf { get; init; }

    /// <summary>The commit of the deploy before the given version of the entry's service.</summary>
    public Func<LogEntry, string?, string?>? PreviousDeploy { get; init; }

    public int MaxCandidates { get; init; } = 5;

    /// <summary>
    /// The view of a commit (full SHA) from the code index when it is indexed, else null: symbols are then read from
    /// the store instead of parsed, and similar code is searched when the commit has vectors. Null = always read the repository.
    /// </summary>
    public Func<string, IndexedCodeView?>? IndexedView { get; init; }

    public async Task<IncidentExplanation> ExplainAsync(Incident incident, IRcaEngine? engine, IReadOnlyList<LogEntry>? related = null, CancellationToken cancellationToken = default)
    {
        var notes = new List<string>();
        var entry = incident.Representative;
        var exception = incident.RepresentativeException ?? entry.Exception;
        var (version, commit) = PickCommit(entry, notes);
        var code = commit is null ? null : View(commit, notes);
        var request = new RcaInputBuilder.Request
        {
            IncidentId = incident.Id,
            Representative = entry,
            Exception = exception,
            Code = code,
            Count = incident.Count,
            FirstSeen = incident.FirstSeen,
            LastSeen = incident.LastSeen,
            Version = version,
            Related = related ?? [],
            MaxCandidates = MaxCandidates,
            Similar = (code as IndexedCodeView)?.Similar,
        };
        var (input, candidates) = RcaInputBuilder.Build(request);
        string? previous = null;
        if (code is not null && candidates is not null)
        {
            previous = PickPrevious(entry, version, notes);
            if (previous is not null)
            {
                var suspects = Suspects(previous, code, candidates, notes);
                if (suspects.Count > 0)
                    (input, candidates) = RcaInputBuilder.Build(request with { SuspectChanges = suspects });
            }
        }
        if (exception is null)
            notes.Add(input.Candidates.Count > 0
                ? "no stack trace: the code was found by the message's text"
                : "no stack trace, and the message's text was not found in the code");
        var report = engine is null ? null : await engine.AnalyzeAsync(input, cancellationToken).ConfigureAwait(false);
        return new IncidentExplanation
        {
            IncidentId = incident.Id,
            Commit = code?.Commit,
            PreviousCommit = previous,
            Candidates = candidates,
            Input = input,
            Report = report,
            Notes = notes,
        };
    }

    private (string? Version, string? Commit) PickCommit(LogEntry entry, List<string> notes)
    {
        if (Commit is not null)
            return (entry.Version, Commit);
        if (entry.CommitSha is { Length: > 0 } own && TryResolve(own) is not null)
            return (entry.Version, own);
        if (entry.CommitSha is { Length: > 0 } unknown)
            notes.Add($"the logs' commit {unknown} is not in the repository");
        if (DeployOf?.Invoke(entry) is { Commit: { } deployed } deploy && TryResolve(deployed) is not null)
            return (deploy.Version ?? entry.Version, deployed);
        notes.Add("no deployed commit known for this incident (record one with 'culprit deploy record' or pass --commit); using HEAD");
        return (entry.Version, "HEAD");
    }

    private string? PickPrevious(LogEntry entry, string? version, List<string> notes)
    {
        if (PreviousCommit is not null)
            return TryResolve(PreviousCommit) is not null ? PreviousCommit : Note(notes, $"--previous {PreviousCommit} is not in the repository");
        if (PreviousDeploy?.Invoke(entry, version) is { } previous)
            return TryResolve(previous) is not null ? previous : Note(notes, $"the previous deploy's commit {previous} is not in the repository");
        return null;
    }

    private static string? Note(List<string> notes, string note)
    {
        notes.Add(note);
        return null;
    }

    private IReadOnlyList<SuspectChangeSummary> Suspects(string previous, ICodeView code, Candidates.CandidateSet candidates, List<string> notes)
    {
        var targets = new List<SuspectTarget>();
        foreach (var frame in candidates.Frames)
        {
            if (frame.OwnCode && frame.Resolution is { RepoPath: { } path, Symbol: { } symbol } && SymbolKinds.IsCallable(symbol.Kind))
                targets.Add(new SuspectTarget(path, symbol.QualifiedName, symbol.StartLine, symbol.EndLine));
        }
        foreach (var callee in candidates.Candidates.Where(c => c.Origin == "callee"))
            targets.Add(new SuspectTarget(callee.File, callee.Symbol, callee.StartLine, callee.EndLine));
        if (targets.Count == 0)
            return [];
        try
        {
            var changes = new SuspectChangeFinder(_repository).Find(_repository.ResolveCommit(previous), code.Commit, targets.DistinctBy(t => (t.Path, t.StartLine)).ToList());
            return SuspectChangeSummaries.From(changes);
        }
        catch (CodeRepositoryException e)
        {
            notes.Add($"suspect changes: {e.Message}");
            return [];
        }
    }

    /// <summary>The code of a commit as the explainer reads it (cached), or null when the revision is unknown.</summary>
    public ICodeView? ViewOf(string revision) => View(revision, []);

    private ICodeView? View(string revision, List<string> notes)
    {
        try
        {
            var sha = _repository.ResolveCommit(revision);
            if (!_views.TryGetValue(sha, out var view))
                _views[sha] = view = IndexedView?.Invoke(sha) as ICodeView ?? new RepositoryCodeView(_repository, sha, _extractor, _mappings);
            return view;
        }
        catch (CodeRepositoryException e)
        {
            notes.Add(e.Message);
            return null;
        }
    }

    private string? TryResolve(string revision)
    {
        try
        {
            return _repository.ResolveCommit(revision);
        }
        catch (CodeRepositoryException)
        {
            return null;
        }
    }
}
