using Culprit.Model;

namespace Culprit.Rca;

/// <summary>Turns the evidence about one incident into the brief's report. Engines are stateless and thread-safe.</summary>
public interface IRcaEngine
{
    /// <summary><c>heuristic</c>, or provider:model for LLM engines.</summary>
    string Name { get; }

    Task<RcaReport> AnalyzeAsync(RcaInput input, CancellationToken cancellationToken = default);
}
