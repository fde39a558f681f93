using System.Runtime.InteropServices;

namespace Culprit.Code.Embeddings;

/// <summary>
/// A fast, offline, deterministic embedder: feature hashing of identifier parts. Each word of the text is split
/// into its parts (<c>ParseUserId</c> → <c>parse</c>, <c>user</c>, <c>id</c>), lowercased, plural 's' dropped and
/// common keywords skipped; each part, each pair of adjacent parts and each whole multi-part identifier is a
/// feature, weighted 1 + ln(count) and hashed with a sign into <see cref="Dimensions"/> buckets. Texts sharing
/// vocabulary score high; it knows no synonyms (that is what <see cref="MiniLmEmbedder"/> is for).
/// </summary>
public sealed class HashingEmbedder : IEmbedder
{
    /// <summary>The name prefix; the full name carries the dimensions, e.g. <c>hashing-512</c>.</summary>
    public const string NamePrefix = "hashing";

    public const int DefaultDimensions = 512;

    private const int MaxFeatureChars = 64;

    public HashingEmbedder(int dimensions = DefaultDimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 16);
        Dimensions = dimensions;
        Name = $"{NamePrefix}-{dimensions}";
    }

    public string Name { get; }

    public int Dimensions { get; }

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var vectors = new float[texts.Count][];
        var counts = new Dictionary<ulong, int>();
        var parts = new List<Range>();
        for (var t = 0; t < texts.Count; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            vectors[t] = EmbedOne(texts[t] ?? string.Empty, counts, parts);
        }

        return vectors;
    }

    private float[] EmbedOne(string text, Dictionary<ulong, int> counts, List<Range> parts)
    {
        counts.Clear();
        Span<char> lower = stackalloc char[MaxFeatureChars];
        var position = 0;
        while (IdentifierTokens.NextWord(text, ref position, out var wordRange))
        {
            var word = text.AsSpan(wordRange);
            IdentifierTokens.Parts(word, parts);
            var previous = 0UL;
            var kept = 0;
            foreach (var partRange in parts)
            {
                var part = Lowered(word[partRange], lower);
                if (part.Length < 2 || FeatureHash.IsStopWord(part))
                    continue;
                var hash = FeatureHash.Of(part);
                Add(counts, hash);
                if (kept > 0)
                    Add(counts, FeatureHash.Pair(previous, hash));
                previous = hash;
                kept++;
            }

            if (parts.Count > 1 && kept > 0)
                Add(counts, FeatureHash.Whole(FeatureHash.Of(Lowered(word, lower))));
        }

        var vector = new float[Dimensions];
        foreach (var (hash, count) in counts)
        {
            var bucket = (int)(hash % (ulong)Dimensions);
            var weight = 1f + MathF.Log(count);
            vector[bucket] += (hash >> 63) == 0 ? weight : -weight;
        }

        VectorNorm.Normalize(vector);
        return vector;
    }

    private static ReadOnlySpan<char> Lowered(ReadOnlySpan<char> source, Span<char> buffer)
    {
        var length = Math.Min(source.Length, buffer.Length);
        var lowered = buffer[..length];
        source[..length].ToLowerInvariant(lowered);
        if (length > 3 && lowered[^1] == 's' && lowered[^2] != 's')
            lowered = lowered[..^1];
        return lowered;
    }

    private static void Add(Dictionary<ulong, int> counts, ulong hash) =>
        CollectionsMarshal.GetValueRefOrAddDefault(counts, hash, out _)++;
}
