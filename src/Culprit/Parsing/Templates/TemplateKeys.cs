using System.Security.Cryptography;
using System.Text;

namespace Culprit.Parsing.Templates;

/// <summary>Text forms of token sequences: the template text, the exact key, and the stable id.</summary>
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
    public static string Exact(ReadOnlySpan<TemplateToken> tokens)
    {
        var sb = new StringBuilder();
        foreach (var t in tokens)
        {
            if (t.SpaceBefore)
                sb.Append('\u0001');
            sb.Append((char)('0' + (int)t.Kind)).Append(t.Text).Append('\u0000');
        }

        return sb.ToString();
    }

    /// <summary>The stable id of a template: the first 64 bits of SHA-256 over its text, as 16 hex digits.</summary>
    public static string Id(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }
}
