namespace Culprit.Rca.Llm;

/// <summary>
/// Tokens, cost and outcomes of one run's analyses, summed across engines and threads; the CLI prints
/// <see cref="Snapshot"/> at the end of a run.
/// </summary>
public sealed class RcaUsageMeter
{
    private readonly Lock _gate = new();
    private RcaUsage _total = new();

    public void AddRequest(long inputTokens, long outputTokens, double? costUsd)
    {
        lock (_gate)
        {
            _total = _total with
            {
                Requests = _total.Requests + 1,
                InputTokens = _total.InputTokens + inputTokens,
                OutputTokens = _total.OutputTokens + outputTokens,
                CostUsd = costUsd is null ? _total.CostUsd : (_total.CostUsd ?? 0) + costUsd,
            };
        }
    }

    public void AddRetry() => Update(u => u with { Retries = u.Retries + 1 });

    public void AddRepair() => Update(u => u with { Repairs = u.Repairs + 1 });

    public void AddAnalysis(bool fellBack) => Update(u => u with { Analyses = u.Analyses + 1, Fallbacks = u.Fallbacks + (fellBack ? 1 : 0) });

    public void AddCacheHit() => Update(u => u with { CacheHits = u.CacheHits + 1 });

    public void AddArchiveFailure() => Update(u => u with { ArchiveFailures = u.ArchiveFailures + 1 });

    public RcaUsage Snapshot()
    {
        lock (_gate)
            return _total;
    }

    private void Update(Func<RcaUsage, RcaUsage> change)
    {
        lock (_gate)
            _total = change(_total);
    }
}
