using System.Numerics;

namespace Culprit.Parsing.Templates;

/// <summary>
/// Identifies the templates equal to one another everywhere but at one position: the length, the position,
/// its spacing, and a hash of every other token. Hashes may collide; <see cref="TemplateIndex.Siblings"/>
/// confirms token by token.
/// </summary>
internal readonly record struct SiblingKey(int Length, int Position, bool Space, ulong Hash)
{
    /// <summary>The key of every position of <paramref name="tokens"/> (one hash pass from each end).</summary>
    public static SiblingKey[] All(TemplateToken[] tokens)
    {
        var n = tokens.Length;
        var hashes = new ulong[n];
        for (var i = 0; i < n; i++)
            hashes[i] = (uint)HashCode.Combine(tokens[i].Text, (int)tokens[i].Kind, tokens[i].SpaceBefore);
        var prefix = new ulong[n + 1];
        var suffix = new ulong[n + 1];
        prefix[0] = 0x243F6A8885A308D3;
        suffix[n] = 0x13198A2E03707344;
        for (var i = 0; i < n; i++)
            prefix[i + 1] = Mix(prefix[i], hashes[i]);
        for (var i = n - 1; i >= 0; i--)
            suffix[i] = Mix(suffix[i + 1], hashes[i]);
        var keys = new SiblingKey[n];
        for (var p = 0; p < n; p++)
            keys[p] = new SiblingKey(n, p, tokens[p].SpaceBefore, prefix[p] ^ BitOperations.RotateLeft(suffix[p + 1], 17));
        return keys;
    }

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> are equal everywhere but at <paramref name="p"/>, where the spacing is equal.</summary>
    public static bool SameExcept(TemplateToken[] a, TemplateToken[] b, int p)
    {
        if (a.Length != b.Length || a[p].SpaceBefore != b[p].SpaceBefore)
            return false;
        for (var i = 0; i < a.Length; i++)
        {
            if (i != p && a[i] != b[i])
                return false;
        }

        return true;
    }

    private static ulong Mix(ulong h, ulong value) => BitOperations.RotateLeft((h ^ value) * 0x9E3779B97F4A7C15, 31);
}
