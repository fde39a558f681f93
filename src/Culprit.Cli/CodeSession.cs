using Culprit.Cli.Commands;
using Culprit.Code;
using Culprit.Code.Embeddings;
using Culprit.Code.Index;
using Culprit.Code.Symbols;
using Culprit.Model;
using Culprit.Rca;
using Culprit.Storage;

namespace Culprit.Cli;

/// <summary>The repository, symbol extractor and explainer of one command run; warnings are printed once at the end.</summary>
public sealed class CodeSession : IDisposable
{
    private readonly List<string> _warnings = [];
    private List<IEmbedder> _embedders = [];

    private CodeSession(ICodeRepository repository, SymbolExtractor extractor, IncidentExplainer explainer)
    {
        Repository = repository;
        Extractor = extractor;
        Explainer = explainer;
    }

    public ICodeRepository Repository { get; }

    public SymbolExtractor Extractor { get; }

    public IncidentExplainer Explainer { get; }

    /// <param name="index">The code index: a commit indexed there is read from it (symbols not parsed, similar code searched); null = parse from the repository.</param>
    public static CodeSession Open(CodeCliValues values, string dataDirectory, DeployLookup? deploys = null, ICodeIndexStore? index = null)
    {
        var warnings = new List<string>();
        var embedders = new List<IEmbedder>();
        ICodeRepository repository;
        try
        {
            repository = CodeRepositories.Open(values.Repo, Path.Combine(dataDirectory, "cache"), w => warnings.Add(w));
        }
        catch (CodeRepositoryException e)
        {
            throw new UsageException($"--repo: {e.Message}");
        }
        var extractor = new SymbolExtractor(new SymbolExtractorOptions { OnWarning = w => { lock (warnings) warnings.Add(w); } });
        var explainer = new IncidentExplainer(repository, extractor, values.Mappings)
        {
            Commit = values.Commit,
            PreviousCommit = values.Previous,
            DeployOf = deploys is null || deploys.Count == 0 ? null : deploys.DeployOf,
            PreviousDeploy = deploys is null || deploys.Count == 0 ? null : deploys.PreviousOf,
            IndexedView = index is null ? null : IndexedViews(index, repository, values, extractor, embedders),
        };
        if (values.Commit is not null)
        {
            try
            {
                repository.ResolveCommit(values.Commit);
            }
            catch (CodeRepositoryException e)
            {
                repository.Dispose();
                throw new UsageException($"--commit: {e.Message}");
            }
        }
        var session = new CodeSession(repository, extractor, explainer);
        session._embedders = embedders;
        session._warnings.AddRange(warnings);
        extractor.Warnings.ToList().ForEach(session._warnings.Add);
        return session;
    }

    /// <summary>Explains each incident, in order; with a log store, the entries of the representative's trace add parameters.</summary>
    public async Task<Dictionary<string, IncidentExplanation>> ExplainAsync(IEnumerable<Incident> incidents, IRcaEngine? engine, CancellationToken cancellationToken,
        Storage.ILogStore? logs = null)
    {
        var result = new Dictionary<string, IncidentExplanation>(StringComparer.Ordinal);
        foreach (var incident in incidents)
        {
            if (incident.RepresentativeException is null && incident.Representative.Exception is null && engine is null)
                continue;
            var related = await RelatedAsync(logs, incident.Representative, cancellationToken).ConfigureAwait(false);
            result[incident.Id] = await Explainer.ExplainAsync(incident, engine, related, cancellationToken).ConfigureAwait(false);
        }
        return result;
    }

    /// <summary>How far from the occurrence an entry of the same trace may be to count.</summary>
    public static readonly TimeSpan RelatedWindow = TimeSpan.FromMinutes(10);

    /// <summary>The stored entries sharing the entry's trace id (else its request id) within <see cref="RelatedWindow"/>, oldest first (at most 50), without the entry itself.</summary>
    public static async Task<IReadOnlyList<LogEntry>> RelatedAsync(Storage.ILogStore? logs, LogEntry entry, CancellationToken cancellationToken)
    {
        if (logs is null || entry.TraceId is not { Length: > 0 } && entry.RequestId is not { Length: > 0 })
            return [];
        IReadOnlyList<Storage.LogRow> rows;
        try
        {
            rows = entry.TraceId is { Length: > 0 } traceId
                ? await logs.TraceAsync(traceId, cancellationToken).ConfigureAwait(false)
                : await logs.SearchAsync(new Storage.LogQuery { RequestId = entry.RequestId, Limit = 200 }, cancellationToken).ConfigureAwait(false);
        }
        catch (Storage.StorageException)
        {
            return [];
        }
        var related = new List<LogEntry>();
        foreach (var row in rows.OrderBy(r => r.Timestamp).Take(200))
        {
            if (row.Source == entry.Position.Source && row.Line == entry.Position.FirstLine)
                continue;
            // A trace id reused much later (a retried job, a recycled id) is another request.
            if (row.Timestamp is { } at && entry.Timestamp is { } t && (at - t).Duration() > RelatedWindow)
                continue;
            if (related.Count == 50)
                break;
            var e = new LogEntry { Message = row.Message, Level = row.Level, Timestamp = row.Timestamp, Service = row.Service, TraceId = row.TraceId };
            foreach (var (key, value) in row.Attributes)
                e.Attributes[key] = value;
            related.Add(e);
        }
        return related;
    }

    /// <summary>Warnings seen so far (missing ctags, unreachable remote …), each once.</summary>
    public IEnumerable<string> Warnings => _warnings.Concat(Extractor.Warnings).Distinct(StringComparer.Ordinal);

    /// <summary>Opens a commit from the code index when it is indexed there; the embedders made for similar-code search are disposed with the session.</summary>
    private static Func<string, IndexedCodeView?> IndexedViews(ICodeIndexStore index, ICodeRepository repository, CodeCliValues values, SymbolExtractor extractor,
        List<IEmbedder> embedders)
    {
        var repositoryId = RepositoryIds.For(CodeRepositories.Location(values.Repo, repository));
        return sha => IndexedCodeView.OpenAsync(index, repositoryId, repository, sha, extractor, values.Mappings, name =>
        {
            if (!Embedders.TryCreate(name, out var embedder, out _))
                return null;
            lock (embedders)
                embedders.Add(embedder);
            return embedder;
        }).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        Repository.Dispose();
        lock (_embedders)
        {
            foreach (var embedder in _embedders)
                (embedder as IDisposable)?.Dispose();
        }
    }
}
