namespace Culprit.Code.Index;

/// <summary>A symbol found by name, with the file it is in.</summary>
public sealed record SymbolMatch(string Path, CodeSymbol Symbol);
