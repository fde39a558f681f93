using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Culprit.Code.Symbols;

/// <summary>
/// Symbols of C# files from Roslyn's syntax tree alone (no compilation, no references): types, methods,
/// constructors, properties and indexers with bodies, local functions and lambdas held by fields or properties.
/// Files are parsed in parallel. A file with syntax errors keeps what Roslyn recovered and gets a note.
/// </summary>
public sealed class CSharpSymbolExtractor(int maxParallelism = 0) : ISymbolExtractor
{
    private static readonly CSharpParseOptions ParseOptions =
        CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview).WithDocumentationMode(DocumentationMode.Parse);

    public bool Supports(string language) => language == CodeLanguages.CSharp;

    public IReadOnlyList<FileSymbols> Extract(IReadOnlyList<SourceFile> files, CancellationToken cancellationToken = default)
    {
        var results = new FileSymbols[files.Count];
        var parallelism = maxParallelism > 0 ? maxParallelism : Environment.ProcessorCount;
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            i => results[i] = ExtractOne(files[i], cancellationToken));
        return results;
    }

    internal static FileSymbols ExtractOne(SourceFile file, CancellationToken cancellationToken)
    {
        if (file.Language != CodeLanguages.CSharp)
            return new FileSymbols(file.Path, file.Language, [], $"no symbol extractor for language '{file.Language}'");
        var tree = CSharpSyntaxTree.ParseText(file.Text, ParseOptions, file.Path, cancellationToken: cancellationToken);
        var symbols = CSharpSymbolCollector.Collect(tree, cancellationToken);
        return new FileSymbols(file.Path, file.Language, symbols, Note(tree, cancellationToken));
    }

    private static string? Note(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var root = tree.GetRoot(cancellationToken);
        if (!root.ContainsDiagnostics)
            return null;
        foreach (var diagnostic in tree.GetDiagnostics(cancellationToken))
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error)
            {
                var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;
                return $"syntax errors (first at line {line}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}); symbols are what the parser recovered";
            }
        }

        return null;
    }
}
