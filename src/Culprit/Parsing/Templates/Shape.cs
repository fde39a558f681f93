namespace Culprit.Parsing.Templates;

/// <summary>A token shape seen before: its tokens, its template and how its tokens fill that template's variables.</summary>
internal sealed class Shape(TemplateToken[] tokens, Template template)
{
    public TemplateToken[] Tokens { get; } = tokens;

    /// <summary>The template assigned (possibly merged since: resolve before use).</summary>
    public Template Template { get; set; } = template;

    /// <summary>The template <see cref="Plan"/> was computed for.</summary>
    public Template? PlanFor { get; set; }

    /// <summary>For each variable of the template, the first token and the end token (exclusive) it takes.</summary>
    public int[] Plan { get; set; } = [];

    /// <summary>Next shape with the same hash.</summary>
    public Shape? Next { get; set; }

    public bool Equals(ReadOnlySpan<char> text, ReadOnlySpan<LogToken> tokens)
    {
        var mine = Tokens;
        if (tokens.Length != mine.Length)
            return false;
        for (var i = 0; i < mine.Length; i++)
        {
            var t = tokens[i];
            var m = mine[i];
            if (t.Kind != m.Kind || t.SpaceBefore != m.SpaceBefore)
                return false;
            if (t.Kind != TokenKind.Variable && !text.Slice(t.Start, t.Length).SequenceEqual(m.Text))
                return false;
        }

        return true;
    }
}
