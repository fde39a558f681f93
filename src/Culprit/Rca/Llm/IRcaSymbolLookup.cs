namespace Culprit.Rca.Llm;

/// <summary>
/// Finds a symbol the answer names that is not among the input's candidates (the lead backs it with the code
/// index), so that a model may point at a function the candidate selection did not rank.
/// </summary>
public interface IRcaSymbolLookup
{
    /// <summary>The symbol's lines at the commit, or null when the file or symbol does not exist there.</summary>
    ValueTask<(string File, string Symbol, int StartLine, int EndLine)?> FindAsync(string? commit, string file, string symbol, CancellationToken cancellationToken = default);
}
