namespace Culprit.Code.Index;

/// <summary>Everything indexed for one file version, stored together.</summary>
/// <param name="Symbols">In any order; <see cref="CodeSymbol.Parent"/> links are resolved within the file.</param>
/// <param name="Chunks">Their <see cref="CodeChunk.SymbolIndex"/> points into <paramref name="Symbols"/>.</param>
public sealed record FileIndex(string Path, string BlobSha, string? Language, long Size, IReadOnlyList<CodeSymbol> Symbols, IReadOnlyList<CodeChunk> Chunks)
{
    public FileKey Key => new(Path, BlobSha);
}
