using Culprit.Code;
using Culprit.Code.Symbols;

namespace Culprit.Tests.Code.Symbols;

/// <summary>Runs the real extractors (real ctags) on snippets and prints symbols compactly for exact assertions.</summary>
internal static class Symbols
{
    public static FileSymbols Of(string path, string text)
    {
        var language = CodeLanguages.FromPath(path) ?? throw new ArgumentException("no language for " + path);
        var extractor = new SymbolExtractor();
        var result = extractor.Extract([new SourceFile(path, language, text)])[0];
        Assert.Empty(extractor.Warnings);
        return result;
    }

    /// <summary><c>kind qualified.name start-end</c> per symbol, in order.</summary>
    public static string[] Lines(FileSymbols file) =>
        [.. file.Symbols.Select(s => $"{s.Kind} {s.QualifiedName} {s.StartLine}-{s.EndLine}")];

    public static CodeSymbol Named(FileSymbols file, string qualifiedName) =>
        file.Symbols.Single(s => s.QualifiedName == qualifiedName);

    public static string Calls(FileSymbols file, string qualifiedName) => string.Join(",", Named(file, qualifiedName).Calls);
}
