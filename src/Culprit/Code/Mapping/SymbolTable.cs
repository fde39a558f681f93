namespace Culprit.Code.Mapping;

/// <summary>An <see cref="ISymbolSource"/> over symbols held in memory, e.g. those just extracted for a few files.</summary>
public sealed class SymbolTable : ISymbolSource
{
    private readonly Dictionary<string, IReadOnlyList<CodeSymbol>> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string, CodeSymbol)>> _byQualifiedName = new(StringComparer.Ordinal);

    public SymbolTable(IEnumerable<FileSymbols> files)
    {
        foreach (var file in files)
            Add(file);
    }

    public void Add(FileSymbols file)
    {
        var ordered = file.Symbols.OrderBy(s => s.StartLine).ThenByDescending(s => s.EndLine).ToList();
        _byPath[file.Path] = ordered;
        foreach (var symbol in ordered)
        {
            if (!SymbolKinds.IsCallable(symbol.Kind))
                continue;
            if (!_byQualifiedName.TryGetValue(symbol.QualifiedName, out var list))
                _byQualifiedName[symbol.QualifiedName] = list = [];
            list.Add((file.Path, symbol));
        }
    }

    public bool HasFile(string path) => _byPath.ContainsKey(path);

    public IReadOnlyList<CodeSymbol> SymbolsOf(string path) =>
        _byPath.TryGetValue(path, out var symbols) ? symbols : [];

    public IReadOnlyList<(string Path, CodeSymbol Symbol)> FindCallable(string qualifiedName) =>
        _byQualifiedName.TryGetValue(qualifiedName, out var list) ? list : [];
}
