namespace Culprit.Code.Embeddings;

/// <summary>64-bit FNV-1a over a feature's characters, fixed forever: stored hashing vectors depend on it.</summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>Keywords and filler words that appear in almost every chunk and so tell chunks apart poorly.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWords = new HashSet<string>(
        [
            "the", "an", "and", "or", "of", "to", "in", "is", "it", "be", "for", "on", "at", "by", "as", "if", "else",
            "return", "new", "var", "let", "const", "val", "def", "func", "fun", "function", "public", "private",
            "protected", "internal", "static", "void", "this", "self", "null", "nil", "none", "true", "false",
            "class", "int", "string", "bool", "async", "await", "import", "using", "from", "with", "end", "do",
        ],
        StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsStopWord(ReadOnlySpan<char> lowered) => StopWords.Contains(lowered);

    public static ulong Of(ReadOnlySpan<char> feature)
    {
        var hash = Offset;
        foreach (var c in feature)
        {
            hash = (hash ^ (c & 0xFFu)) * Prime;
            hash = (hash ^ (uint)(c >> 8)) * Prime;
        }

        return Mix(hash);
    }

    /// <summary>The feature "a followed by b", distinct from both and from "b followed by a".</summary>
    public static ulong Pair(ulong first, ulong second) => Mix((first * 31) ^ second ^ 0x9E3779B97F4A7C15UL);

    /// <summary>The whole identifier as a feature of its own kind, so <c>userid</c> as a word differs from the part.</summary>
    public static ulong Whole(ulong hash) => Mix(hash ^ 0xC2B2AE3D27D4EB4FUL);

    /// <summary>Spreads the bits (the splitmix64 finaliser), so bucket and sign bits are independent.</summary>
    private static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
