using System.Text;

namespace Culprit.Grouping;

/// <summary>
/// Masks the variable parts of a message so that occurrences that differ only in data group together:
/// quoted values, UUIDs, emails, URLs and paths, hex and decimal numbers.
/// </summary>
public static class MessageNormalizer
{
    /// <summary>Longest message prefix considered (longer tails rarely change the meaning, and often hold dumps).</summary>
    public const int MaxLength = 512;

    public static string Normalize(string message)
    {
        var s = message.AsSpan();
        var newline = s.IndexOf('\n');
        if (newline >= 0)
            s = s[..newline];
        if (s.Length > MaxLength)
            s = s[..MaxLength];
        s = s.Trim();

        var sb = new StringBuilder(s.Length);
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c is '"' or '\'' or '`')
            {
                var close = s[(i + 1)..].IndexOf(c);
                if (close >= 0 && close < 200)
                {
                    sb.Append(c).Append("<*>").Append(c);
                    i += close + 2;
                    continue;
                }
            }

            if (char.IsWhiteSpace(c) || IsSeparator(c))
            {
                if (char.IsWhiteSpace(c))
                {
                    if (sb.Length > 0 && sb[^1] != ' ')
                        sb.Append(' ');
                }
                else
                {
                    sb.Append(c);
                }

                i++;
                continue;
            }

            if (IsUrlStart(s[i..]))
            {
                var stop = s[i..].IndexOfAny(' ', '\t', '"');
                i = stop < 0 ? s.Length : i + stop;
                sb.Append("<*>");
                continue;
            }

            if (c is '"' or '\'' or '`')
            {
                // A quote without its closing partner (an apostrophe in "can't") is plain text.
                sb.Append(c);
                i++;
                continue;
            }

            var end = i;
            while (end < s.Length && !char.IsWhiteSpace(s[end]) && !IsSeparator(s[end]) && s[end] is not ('"' or '\'' or '`'))
                end++;
            var token = s[i..end];
            sb.Append(IsVariable(token) ? "<*>" : token);
            i = end;
        }

        return sb.ToString().TrimEnd();
    }

    private static bool IsUrlStart(ReadOnlySpan<char> s)
    {
        var scheme = s.IndexOf("://", StringComparison.Ordinal);
        if (scheme is < 2 or > 10)
            return false;
        foreach (var c in s[..scheme])
        {
            if (!char.IsAsciiLetter(c))
                return false;
        }

        return true;
    }

    private static bool IsSeparator(char c) => c is ',' or ';' or '(' or ')' or '[' or ']' or '{' or '}' or '=' or '<' or '>';

    private static bool IsVariable(ReadOnlySpan<char> token)
    {
        var t = token.TrimEnd(".:!?");
        if (t.IsEmpty)
            return false;
        if (t.Contains('@') && t.IndexOf('@') > 0 && t[(t.IndexOf('@') + 1)..].Contains('.'))
            return true; // email
        if (t.Contains("://", StringComparison.Ordinal))
            return true; // URL
        if ((t[0] == '/' || (t.Length > 2 && t[1] == ':' && t[2] is '\\' or '/')) && t.Length > 1)
            return true; // path
        var digits = 0;
        foreach (var ch in t)
        {
            if (char.IsAsciiDigit(ch))
                digits++;
        }

        // Tokens made mostly of digits are data (ids, numbers, sizes, durations, hashes, IPs, UUIDs);
        // words with a digit in them ("log4j", "utf8") are not.
        return digits > 0 && (digits * 10 >= t.Length * 3 || t.Length >= 12);
    }
}
