using System.Text;

namespace Culprit.Exceptions;

/// <summary>Small text helpers for PHP traces.</summary>
internal static class PhpText
{
    /// <summary>
    /// Undoes the JSON escapes Monolog leaves in a trace written inside a JSON context field
    /// (<c>App\\Http\\Kernel</c>, <c>\"quoted\"</c>, <c>\/</c>); other escapes are kept as printed.
    /// </summary>
    public static string Unescape(ReadOnlySpan<char> text)
    {
        if (text.IndexOf('\\') < 0)
            return text.ToString();
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '\\' or '"' or '/')
            {
                builder.Append(text[i + 1]);
                i++;
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>A PHP class name, optionally namespaced: letters, digits, <c>_</c> and <c>\</c>, not starting with a digit.</summary>
    public static bool IsClassName(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || char.IsAsciiDigit(text[0]))
            return false;
        var letters = false;
        foreach (var c in text)
        {
            if (char.IsAsciiLetter(c))
                letters = true;
            else if (!(char.IsAsciiDigit(c) || c == '_' || c == '\\' || c > 0x7f))
                return false;
        }

        return letters && text[^1] != '\\';
    }
}
