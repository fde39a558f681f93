namespace Culprit.Code.Mapping;

/// <summary>The symbols of one commit, as the frame resolver needs them: per file, and types by qualified name.</summary>
public interface ISymbolSource
{
    /// <summary>Symbols of a repository path ordered by start line; empty when the file has none or was not parsed.</summary>
    IReadOnlyList<CodeSymbol> SymbolsOf(string path);

    /// <summary>Callable symbols whose qualified name is <paramref name="qualifiedName"/>, with their paths.</summary>
    IReadOnlyList<(string Path, CodeSymbol Symbol)> FindCallable(string qualifiedName);
}
