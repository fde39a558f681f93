namespace Culprit.Parsing.Templates;

/// <summary>One saved template: its id and text (for reading), and its tokens (for restoring).</summary>
public sealed class TemplateState
{
    public string Id { get; set; } = "";

    public string Text { get; set; } = "";

    /// <summary>Token texts (<c>&lt;*&gt;</c> for variables).</summary>
    public List<string> Tokens { get; set; } = [];

    /// <summary>One letter per token: W word, X word with a digit, P punctuation, V variable, L learned variable.</summary>
    public string Kinds { get; set; } = "";

    /// <summary>One character per token: 1 when whitespace precedes it, else 0.</summary>
    public string Spaces { get; set; } = "";

    public long Count { get; set; }

    public DateTimeOffset? FirstSeen { get; set; }

    public DateTimeOffset? LastSeen { get; set; }

    public List<string> Examples { get; set; } = [];

    internal static TemplateState From(Template t) => new()
    {
        Id = t.Id,
        Text = t.Text,
        Tokens = [.. t.Tokens.Select(x => x.Text)],
        Kinds = new string([.. t.Tokens.Select(x => KindLetters[(int)x.Kind])]),
        Spaces = new string([.. t.Tokens.Select(x => x.SpaceBefore ? '1' : '0')]),
        Count = t.Count,
        FirstSeen = t.FirstSeen,
        LastSeen = t.LastSeen,
        Examples = [.. t.Examples],
    };

    internal bool TryGetTokens(out TemplateToken[] tokens, out string? error)
    {
        tokens = [];
        error = null;
        if (Tokens.Count == 0 || Kinds.Length != Tokens.Count || Spaces.Length != Tokens.Count)
        {
            error = $"template {Id}: tokens, kinds and spaces differ in length";
            return false;
        }

        tokens = new TemplateToken[Tokens.Count];
        for (var i = 0; i < tokens.Length; i++)
        {
            var kind = KindLetters.IndexOf(Kinds[i], StringComparison.Ordinal);
            if (kind < 0 || Spaces[i] is not ('0' or '1') || Tokens[i] is null)
            {
                error = $"template {Id}: token {i} is not valid";
                return false;
            }

            var k = (TokenKind)kind;
            var text = k is TokenKind.Variable or TokenKind.Learned ? TemplateToken.Wildcard : Tokens[i];
            tokens[i] = new TemplateToken(text, k, Spaces[i] == '1');
        }

        return true;
    }

    private const string KindLetters = "WXPVL";
}
