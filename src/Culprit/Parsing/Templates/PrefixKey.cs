namespace Culprit.Parsing.Templates;

/// <summary>
/// A template's length and the texts of some of its first three tokens (<see cref="Mask"/> says which), so
/// that the templates a shape could match, or a template could cover, are found without scanning every
/// template of that length.
/// </summary>
internal readonly record struct PrefixKey(int Length, int Mask, string First, string Second, string Third)
{
    public const int Positions = 3;

    /// <summary>The positions among the first three that hold a constant.</summary>
    public static int ConstantMask(ReadOnlySpan<TemplateToken> tokens)
    {
        var mask = 0;
        for (var i = 0; i < Positions && i < tokens.Length; i++)
        {
            if (!tokens[i].IsVariable)
                mask |= 1 << i;
        }

        return mask;
    }

    /// <summary>The masks to try for <paramref name="tokens"/>: every subset of its first three positions.</summary>
    public static int MaskCount(ReadOnlySpan<TemplateToken> tokens) => 1 << Math.Min(Positions, tokens.Length);

    public static PrefixKey Of(ReadOnlySpan<TemplateToken> tokens, int mask) => new(
        tokens.Length,
        mask,
        (mask & 1) != 0 ? tokens[0].Text : "",
        (mask & 2) != 0 ? tokens[1].Text : "",
        (mask & 4) != 0 ? tokens[2].Text : "");
}
