using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Culprit.Code.Embeddings;

/// <summary>Chooses an embedder by the name a user writes in configuration or on the command line.</summary>
public static class Embedders
{
    /// <summary>The names <see cref="TryCreate"/> knows, for messages.</summary>
    public const string Known = "minilm (all-MiniLM-L6-v2, 384 dimensions, local ONNX), hashing or hashing-N (feature hashing, N dimensions, default 512)";

    /// <summary>
    /// <c>minilm</c> / <c>all-MiniLM-L6-v2</c> → <see cref="MiniLmEmbedder"/>; <c>hashing</c> / <c>hashing-N</c> →
    /// <see cref="HashingEmbedder"/>. An unknown name gives false and a message naming the known ones.
    /// </summary>
    public static bool TryCreate(string name, [NotNullWhen(true)] out IEmbedder? embedder, [NotNullWhen(false)] out string? error)
    {
        embedder = null;
        error = null;
        var trimmed = (name ?? string.Empty).Trim();
        if (trimmed.Equals("minilm", StringComparison.OrdinalIgnoreCase) || trimmed.Equals(MiniLmEmbedder.ModelName, StringComparison.OrdinalIgnoreCase))
        {
            embedder = new MiniLmEmbedder();
            return true;
        }

        if (trimmed.Equals(HashingEmbedder.NamePrefix, StringComparison.OrdinalIgnoreCase))
        {
            embedder = new HashingEmbedder();
            return true;
        }

        var prefix = HashingEmbedder.NamePrefix + "-";
        if (trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && int.TryParse(trimmed.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var dimensions)
            && dimensions is >= 16 and <= 65536)
        {
            embedder = new HashingEmbedder(dimensions);
            return true;
        }

        error = $"Unknown embedder '{name}'. Known: {Known}.";
        return false;
    }
}
