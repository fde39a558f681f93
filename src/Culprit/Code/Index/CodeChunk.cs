namespace Culprit.Code.Index;

/// <summary>
/// A piece of a file that is embedded and searched: a callable symbol's body (or a window of a long one), a
/// type's header, or a window of a file without symbols. Lines are 1-based and inclusive.
/// </summary>
/// <param name="SymbolIndex">Index of the symbol in the file's symbol list, or null for a file window.</param>
/// <param name="Content">The code lines, '\n'-separated.</param>
/// <param name="Document">What is embedded: path, kind, qualified name, signature, doc and the code.</param>
/// <param name="ContentHash">SHA-256 (lowercase hex) of <paramref name="Document"/>: equal documents are embedded once per model.</param>
public sealed record CodeChunk(int? SymbolIndex, int StartLine, int EndLine, string Content, string Document, string ContentHash)
{
    /// <summary>The L2-normalised vector, when embedded.</summary>
    public float[]? Embedding { get; init; }

    /// <summary>The <see cref="Embeddings.IEmbedder.Name"/> that made <see cref="Embedding"/>.</summary>
    public string? Model { get; init; }
}
