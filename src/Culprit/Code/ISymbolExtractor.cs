namespace Culprit.Code;

/// <summary>
/// Finds the symbols of source files. Implementations take many files at once so that a tool process (ctags) is
/// started once per batch, not once per file. A file that cannot be parsed yields a <see cref="FileSymbols"/> with
/// what could be read and a note; it never fails the batch.
/// </summary>
public interface ISymbolExtractor
{
    /// <summary>True when this extractor handles the language (a <see cref="CodeLanguages"/> value).</summary>
    bool Supports(string language);

    /// <summary>One result per input file, in input order.</summary>
    IReadOnlyList<FileSymbols> Extract(IReadOnlyList<SourceFile> files, CancellationToken cancellationToken = default);
}
