using Culprit.Code;
using Culprit.Rca.Llm;

namespace Culprit.Rca;

/// <summary>
/// Lets an LLM answer name a function that candidate selection did not rank: the file and symbol are looked up in
/// the code of the incident's commit. A symbol matches by qualified name, by a dotted tail of it
/// (<c>Orders.total</c>) or by its bare name when that is unique in the file.
/// </summary>
public sealed class CodeViewSymbolLookup : IRcaSymbolLookup
{
    private readonly Func<string, ICodeView?> _viewOf;
    private readonly Lock _gate = new();

    public CodeViewSymbolLookup(Func<string, ICodeView?> viewOf) => _viewOf = viewOf;

    public ValueTask<(string File, string Symbol, int StartLine, int EndLine)?> FindAsync(string? commit, string file, string symbol, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<CodeSymbol> symbols;
        lock (_gate)
        {
            var view = _viewOf(commit ?? "HEAD");
            if (view is null || view.Lines(file) is null)
                return ValueTask.FromResult<(string, string, int, int)?>(null);
            symbols = view.SymbolsOf(file);
        }
        var callable = symbols.Where(s => SymbolKinds.IsCallable(s.Kind)).ToList();
        var found = callable.FirstOrDefault(s => s.QualifiedName == symbol)
            ?? callable.FirstOrDefault(s => s.QualifiedName.EndsWith("." + symbol, StringComparison.Ordinal))
            ?? (callable.Count(s => s.Name == symbol) == 1 ? callable.First(s => s.Name == symbol) : null);
        return ValueTask.FromResult<(string, string, int, int)?>(found is null ? null : (file, found.QualifiedName, found.StartLine, found.EndLine));
    }
}
