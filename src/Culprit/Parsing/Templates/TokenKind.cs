namespace Culprit.Parsing.Templates;

/// <summary>What a token of a message is, as the template tokenizer sees it.</summary>
public enum TokenKind : byte
{
    /// <summary>A word without digits: a template constant unless its position turns out to vary.</summary>
    Word,

    /// <summary>A word with a digit in it (<c>eth0</c>, <c>jk2_init</c>): a constant unless its position varies.</summary>
    Weak,

    /// <summary>Punctuation between words (<c>=</c>, <c>:</c>, <c>(</c>, <c>...</c>): always a constant.</summary>
    Punct,

    /// <summary>A recognised variable (number, address, path, id, time …): always <c>&lt;*&gt;</c>.</summary>
    Variable,

    /// <summary>In a template only: a position that became <c>&lt;*&gt;</c> because its words varied.</summary>
    Learned,
}
