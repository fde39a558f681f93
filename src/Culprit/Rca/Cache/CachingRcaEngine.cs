using Culprit.Model;
using Culprit.Rca.Llm;

namespace Culprit.Rca.Cache;

/// <summary>
/// Reuses a stored analysis of the same incident, version, engine and prompt version instead of asking again;
/// <c>refresh</c> forces a new one. Every new report is stored.
/// </summary>
public sealed class CachingRcaEngine(IRcaEngine inner, IRcaResultStore store, string promptVersion, bool refresh = false, RcaUsageMeter? meter = null) : IRcaEngine
{
    public string Name => inner.Name;

    public async Task<RcaReport> AnalyzeAsync(RcaInput input, CancellationToken cancellationToken = default)
    {
        var key = new RcaCacheKey(input.IncidentId, input.Version, inner.Name, promptVersion);
        if (!refresh && await store.FindAsync(key, cancellationToken) is { } cached)
        {
            meter?.AddCacheHit();
            return cached;
        }

        var report = await inner.AnalyzeAsync(input, cancellationToken);
        await store.SaveAsync(key, report, cancellationToken);
        return report;
    }
}
