namespace Culprit.Parsing.Templates;

/// <summary>One token of a message: where it is, what it is, and whether whitespace precedes it.</summary>
public readonly record struct LogToken(int Start, int Length, TokenKind Kind, bool SpaceBefore)
{
    public int End => Start + Length;
}
