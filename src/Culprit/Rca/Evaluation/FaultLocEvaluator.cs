using Culprit.Code;
using Culprit.Model;
using Culprit.Pipeline;
using Culprit.Rca.Heuristic;

namespace Culprit.Rca.Evaluation;

/// <summary>
/// Runs root-cause analysis on each fault-localisation case whose source is present under
/// <c>sources/&lt;case id&gt;/</c> (a git repository whose HEAD is the buggy version) and ranks the candidates
/// against the ground truth: a method-level hit at rank k when one of the first k candidates' line ranges overlaps a
/// ground-truth method in the right file; a file-level hit when the file is right.
/// </summary>
public sealed class FaultLocEvaluator
{
    private readonly Func<string, ICodeRepository> _openRepository;
    private readonly ISymbolExtractor _extractor;
    private readonly HeuristicAnalyst _analyst = new();

    public FaultLocEvaluator(Func<string, ICodeRepository> openRepository, ISymbolExtractor extractor)
    {
        _openRepository = openRepository;
        _extractor = extractor;
    }

    /// <summary>Called after each case with its result (for progress).</summary>
    public Action<FaultLocCaseResult>? OnCase { get; init; }

    public FaultLocReport Run(string manifestPath, string sourcesFolder, CancellationToken cancellationToken = default)
    {
        var cases = FaultLocManifest.Read(manifestPath);
        var baseFolder = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        var results = new List<FaultLocCaseResult>();
        var baselines = new List<int?>();
        foreach (var c in cases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var source = Path.Combine(sourcesFolder, c.Id);
            if (!Directory.Exists(source))
                continue;
            FaultLocCaseResult result;
            try
            {
                result = RunCase(c, Path.Combine(baseFolder, c.TraceFile), source);
            }
            catch (CodeRepositoryException e)
            {
                // One broken checkout is a miss with its reason, not the end of the run.
                result = new FaultLocCaseResult { Id = c.Id, Candidates = [], Note = e.Message };
            }
            results.Add(result);
            baselines.Add(c.BaselineMethodRank);
            OnCase?.Invoke(result);
        }
        return new FaultLocReport
        {
            Cases = results,
            Totals = new FaultLocTotals
            {
                N = results.Count,
                Method = TopK.Count(results.Select(r => r.MethodRank)),
                File = TopK.Count(results.Select(r => r.FileRank)),
                BaselineMethod = TopK.Count(baselines),
            },
        };
    }

    public FaultLocCaseResult RunCase(FaultLocCase c, string traceFile, string sourceFolder)
    {
        if (!File.Exists(traceFile))
            return new FaultLocCaseResult { Id = c.Id, Candidates = [], Note = $"trace file {traceFile} is missing" };
        var exception = ReadException(traceFile);
        if (exception is null)
            return new FaultLocCaseResult { Id = c.Id, Candidates = [], Note = "no exception found in the trace" };
        using var repository = _openRepository(sourceFolder);
        var code = new RepositoryCodeView(repository, "HEAD", _extractor);
        var entry = new LogEntry { Message = exception.Message ?? "", Level = LogLevel.Error };
        entry.Exceptions.Add(exception);
        var (input, _) = RcaInputBuilder.Build(new RcaInputBuilder.Request
        {
            IncidentId = c.Id,
            Representative = entry,
            Exception = exception,
            Code = code,
            Count = 1,
            MaxCandidates = 8,
        });
        var report = _analyst.Analyze(input);
        var candidates = report.Candidates;
        return new FaultLocCaseResult
        {
            Id = c.Id,
            Candidates = candidates,
            MethodRank = Rank(candidates, x => c.Locations.Any(l => l.File == x.File && l.Methods.Any(m => x.StartLine <= m.End && m.Start <= x.EndLine))),
            FileRank = Rank(candidates, x => c.Locations.Any(l => l.File == x.File)),
            Confidence = report.LikelyRootCause.Confidence,
            Note = candidates.Count == 0 ? "no frame resolved to a function in the repository" : null,
        };
    }

    private static int? Rank(IReadOnlyList<RcaCandidateSummary> candidates, Func<RcaCandidateSummary, bool> hit)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            if (hit(candidates[i]))
                return i + 1;
        }
        return null;
    }

    private static ExceptionInfo? ReadException(string traceFile)
    {
        var reader = LogReader.CreateDefault(null);
        var stats = new RunStats { Files = 1 };
        foreach (var entry in reader.Read(traceFile, stats))
        {
            if (entry.Exception is { } exception)
                return exception;
        }
        return null;
    }
}
