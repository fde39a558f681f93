using System.Globalization;
using Culprit.Rca;
using Culprit.Rca.Cache;
using Culprit.Rca.Heuristic;
using Culprit.Rca.Llm;

namespace Culprit.Cli;

/// <summary>The engine a command runs: the configured one (heuristic by default) behind the store's RCA cache when there is a store.</summary>
public sealed class CliRcaEngine : IDisposable
{
    private readonly IRcaEngine _inner;

    private CliRcaEngine(IRcaEngine engine, IRcaEngine inner, RcaUsageMeter meter)
    {
        Engine = engine;
        _inner = inner;
        Meter = meter;
    }

    public IRcaEngine Engine { get; }

    public RcaUsageMeter Meter { get; }

    public bool IsLlm => _inner is LlmRcaEngine;

    /// <param name="symbols">Lets an LLM answer point at a function outside the candidates (the code of the incident's commit).</param>
    public static CliRcaEngine Create(RcaOptions options, IRcaResultStore? cache, bool refresh, IRcaSymbolLookup? symbols = null)
    {
        var meter = new RcaUsageMeter();
        var services = new RcaEngineServices { Usage = meter, TranscriptDirectory = options.TranscriptDirectory, Symbols = symbols };
        if (!RcaEngines.TryCreate(options, new HeuristicAnalyst(), services, out var inner, out var problem))
            throw new UsageException(problem);
        var engine = cache is null ? inner : RcaEngines.WithCache(inner, cache, refresh, meter);
        return new CliRcaEngine(engine, inner, meter);
    }

    /// <summary>One line on what the LLM cost; null for the heuristic.</summary>
    public string? UsageLine()
    {
        if (!IsLlm)
            return null;
        var u = Meter.Snapshot();
        var cost = u.CostUsd is { } c ? $", ${c.ToString("0.0000", CultureInfo.InvariantCulture)}" : "";
        return $"RCA ({Engine.Name}): {u.Analyses} analyses, {u.Requests} requests, {u.InputTokens} input / {u.OutputTokens} output tokens{cost}; {u.CacheHits} from cache, {u.Retries} retries, {u.Repairs} repairs, {u.Fallbacks} fell back to the heuristic";
    }

    public void Dispose() => (_inner as IDisposable)?.Dispose();
}
