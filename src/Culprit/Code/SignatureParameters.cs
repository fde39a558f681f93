namespace Culprit.Code;

/// <summary>Reads parameter names out of a signature as the extractors record it, in any of the indexed languages.</summary>
public static class SignatureParameters
{
    private static readonly HashSet<string> Skip = new(StringComparer.Ordinal) { "self", "cls", "this", "final", "const", "ref", "out", "in", "params", "readonly", "var" };

    /// <summary>
    /// <c>(String name, int count)</c> → name, count; <c>(self, user_id: str = None, *args)</c> → user_id, args;
    /// <c>(ctx context.Context, id string)</c> → ctx, id; <c>($order, $amount = 0)</c> → order, amount.
    /// </summary>
    public static IReadOnlyList<string> Names(string? signature, string language)
    {
        if (string.IsNullOrEmpty(signature))
            return [];
        var open = signature.IndexOf('(', StringComparison.Ordinal);
        var close = open < 0 ? -1 : MatchingClose(signature, open);
        var inside = open < 0 ? signature : signature[(open + 1)..(close < 0 ? signature.Length : close)];
        var names = new List<string>();
        foreach (var part in SplitTopLevel(inside))
        {
            var name = NameOf(part.Trim(), language);
            if (name is not null && !Skip.Contains(name) && !names.Contains(name))
                names.Add(name);
        }
        return names;
    }

    private static string? NameOf(string part, string language)
    {
        if (part.Length == 0)
            return null;
        var eq = part.IndexOf('=', StringComparison.Ordinal);
        if (eq >= 0)
            part = part[..eq].TrimEnd();
        if (language is CodeLanguages.Python or CodeLanguages.TypeScript or CodeLanguages.Kotlin)
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0)
                return Identifier(part[..colon]);
        }
        if (language is CodeLanguages.Go)
        {
            var space = part.IndexOf(' ', StringComparison.Ordinal);
            return Identifier(space < 0 ? part : part[..space]);
        }
        // Java, C#, PHP, JS, Ruby: the last identifier is the name (types come first).
        return LastIdentifier(part);
    }

    private static string? Identifier(string text)
    {
        var t = text.Trim().TrimStart('*', '&', '$', '.', '@');
        return IsIdentifier(t) ? t : LastIdentifier(t);
    }

    private static string? LastIdentifier(string text)
    {
        var end = text.Length;
        while (end > 0 && !IsIdentifierChar(text[end - 1]))
            end--;
        var start = end;
        while (start > 0 && IsIdentifierChar(text[start - 1]))
            start--;
        return end > start && !char.IsAsciiDigit(text[start]) ? text[start..end] : null;
    }

    private static bool IsIdentifier(string t)
    {
        if (t.Length == 0 || char.IsAsciiDigit(t[0]))
            return false;
        foreach (var c in t)
        {
            if (!IsIdentifierChar(c))
                return false;
        }
        return true;
    }

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static int MatchingClose(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '(')
                depth++;
            else if (text[i] == ')' && --depth == 0)
                return i;
        }
        return -1;
    }

    private static List<string> SplitTopLevel(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(' or '<' or '[' or '{':
                    depth++;
                    break;
                case ')' or '>' or ']' or '}':
                    depth--;
                    break;
                case ',' when depth == 0:
                    parts.Add(text[start..i]);
                    start = i + 1;
                    break;
            }
        }
        parts.Add(text[start..]);
        return parts;
    }
}
