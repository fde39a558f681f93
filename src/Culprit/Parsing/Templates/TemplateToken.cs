namespace Culprit.Parsing.Templates;

/// <summary>One token of a template or of a token shape: its text (<c>&lt;*&gt;</c> for a variable), kind and spacing.</summary>
internal readonly record struct TemplateToken(string Text, TokenKind Kind, bool SpaceBefore)
{
    public const string Wildcard = "<*>";

    public bool IsVariable => Kind is TokenKind.Variable or TokenKind.Learned;

    /// <summary>A word that counts as a template constant (a <see cref="TokenKind.Word"/> or <see cref="TokenKind.Weak"/>).</summary>
    public bool IsConstantWord => Kind is TokenKind.Word or TokenKind.Weak;

    public static TemplateToken Learned(bool spaceBefore) => new(Wildcard, TokenKind.Learned, spaceBefore);
}
