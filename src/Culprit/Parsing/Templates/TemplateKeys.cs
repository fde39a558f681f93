using System.Security.Cryptography;
using System.Text;

namespace Culprit.Parsing.Templates;

/// <summary>Text forms of token sequences: the template text, the exact key, the sibling key, and the stable id.</summary>
internal static class TemplateKeys
{
    /// <summary>The template as written: tokens joined with one space where the message had whitespace.</summary>
    public static string Text(ReadOnlySpan<TemplateToken> tokens)
    {
        var sb = new StringBuilder();
        foreach (var t in tokens)
        {
            if (t.SpaceBefore && sb.Length > 0)
                sb.Append(' ');
            sb.Append(t.Text);
        }

        return sb.ToString();
    }

    /// <summary>A key equal for two sequences exactly when their tokens are (text, kind and spacing).</summary>
    public static string Exact(ReadOnlySpan<TemplateToken> tokens) => Key(tokens, -1);

    /// <summary>A key equal for two sequences of one length that are equal everywhere but at <paramref name="position"/>.</summary>
    public static string Sibling(ReadOnlySpan<TemplateToken> tokens, int position) => Key(tokens, position);

    /// <summary>The stable id of a template: the first 64 bits of SHA-256 over its text, as 16 hex digits.</summary>
    public static string Id(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    private static string Key(ReadOnlySpan<TemplateToken> tokens, int skip)
    {
        var sb = new StringBuilder();
        if (skip >= 0)
            sb.Append(skip).Append('/').Append(tokens.Length).Append('|');
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (i == skip)
            {
                sb.Append(t.SpaceBefore ? "\u0001?\u0000" : "?\u0000");
                continue;
            }

            if (t.SpaceBefore)
                sb.Append('\u0001');
            sb.Append((char)('0' + (int)t.Kind)).Append(t.Text).Append('\u0000');
        }

        return sb.ToString();
    }
}
