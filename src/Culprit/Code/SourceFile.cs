namespace Culprit.Code;

/// <summary>A file's text at one commit, with its language (see <see cref="CodeLanguages"/>).</summary>
public sealed record SourceFile(string Path, string Language, string Text);

/// <summary>The symbols of one file; <see cref="Note"/> says why they are missing or partial (parse error, tool missing).</summary>
public sealed record FileSymbols(string Path, string Language, IReadOnlyList<CodeSymbol> Symbols, string? Note = null);
