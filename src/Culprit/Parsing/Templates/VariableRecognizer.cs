namespace Culprit.Parsing.Templates;

/// <summary>
/// The type-aware first pass: finds a variable that starts at a position, without regular expressions. The
/// recognisers are tried in a fixed order (timestamps, URLs, paths, e-mail, UUIDs, IPv4, host:port,
/// colon-hex, then anything that starts with a digit; <c>[IPv6]:port</c> at a bracket); cheap tests on the first characters skip the ones that
/// cannot match, so a plain word costs a short scan.
/// </summary>
internal static class VariableRecognizer
{
    /// <summary>End of the variable starting at <paramref name="i"/>, or -1 when none starts there.</summary>
    public static int End(ReadOnlySpan<char> s, int i, TemplateChars chars)
    {
        var c = s[i];
        var run = i;
        while (run < s.Length && IsLocalPart(s[run]))
            run++;
        var next = run < s.Length ? s[run] : '\0';
        int j;

        if (char.IsAsciiLetter(c))
        {
            if ((next == ',' || char.IsWhiteSpace(next)) && MayStartDate(s, i) && (j = DateRecognizer.SyslogStyle(s, i, chars)) > 0)
                return j;
            if (next == ':')
            {
                if ((j = PathRecognizer.Url(s, i)) > 0 || (j = PathRecognizer.Path(s, i)) > 0)
                    return j;
            }
        }
        else if (TemplateChars.IsDigit(c))
        {
            if ((j = DateRecognizer.IsoStyle(s, i, chars)) > 0 || (j = DateRecognizer.CommonLogStyle(s, i, chars)) > 0)
                return j;
        }
        else if (c is '/' or '~' or '\\' || (c == '.' && next == '/'))
        {
            return PathRecognizer.Path(s, i);
        }
        else if (c == '[')
        {
            return AddressRecognizer.BracketedIpv6(s, i, chars);
        }

        if (next == '@' && run > i && (j = AddressRecognizer.Email(s, i, chars)) > 0)
            return j;
        if (run - i >= 36 && (j = AddressRecognizer.Uuid(s, i, chars)) > 0)
            return j;
        if (TemplateChars.IsDigit(c) && (j = AddressRecognizer.Ipv4(s, i, chars)) > 0)
            return j;
        if (next is ':' or '/' && char.IsAsciiLetterOrDigit(c) && (j = AddressRecognizer.HostPort(s, i, chars)) > 0)
            return j;
        if ((next == ':' || c == ':') && (j = AddressRecognizer.ColonHex(s, i, chars)) > 0)
            return j;
        return DigitLead(s, i);
    }

    /// <summary>End of a token that starts with a digit (or a sign and a digit): numbers, sizes (<c>12KB</c>),
    /// durations (<c>65020ms</c>), versions, dates and times, ids (<c>0x1f</c>, <c>2kSOSP</c>); or -1.</summary>
    public static int DigitLead(ReadOnlySpan<char> s, int i)
    {
        var j = i;
        if (s[j] is '+' or '-')
        {
            if (j + 1 >= s.Length || !TemplateChars.IsDigit(s[j + 1]))
                return -1;
            j++;
        }

        if (j >= s.Length || !TemplateChars.IsDigit(s[j]))
            return -1;
        while (j < s.Length)
        {
            var c = s[j];
            if (char.IsLetterOrDigit(c) || c is '_' or '.' or '-' or '+')
                j++;
            else if (c is ':' or '/' && j + 1 < s.Length && TemplateChars.IsDigit(s[j + 1]))
                j++;
            else
                break;
        }

        return TemplateChars.TrimTrailing(s, i, j);
    }

    /// <summary>Characters of an e-mail local part, a superset of those of URL schemes, host names and hex.</summary>
    private static bool IsLocalPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    /// <summary>True when the word at <paramref name="i"/> starts like a weekday or month name (a cheap filter).</summary>
    public static bool MayStartDate(ReadOnlySpan<char> s, int i)
    {
        if (i + 3 > s.Length)
            return false;
        var key = (char.ToLowerInvariant(s[i]) << 16) | (char.ToLowerInvariant(s[i + 1]) << 8) | char.ToLowerInvariant(s[i + 2]);
        return key switch
        {
            ('m' << 16) | ('o' << 8) | 'n' or ('t' << 16) | ('u' << 8) | 'e' or ('w' << 16) | ('e' << 8) | 'd'
                or ('t' << 16) | ('h' << 8) | 'u' or ('f' << 16) | ('r' << 8) | 'i' or ('s' << 16) | ('a' << 8) | 't'
                or ('s' << 16) | ('u' << 8) | 'n' or ('j' << 16) | ('a' << 8) | 'n' or ('f' << 16) | ('e' << 8) | 'b'
                or ('m' << 16) | ('a' << 8) | 'r' or ('a' << 16) | ('p' << 8) | 'r' or ('m' << 16) | ('a' << 8) | 'y'
                or ('j' << 16) | ('u' << 8) | 'n' or ('j' << 16) | ('u' << 8) | 'l' or ('a' << 16) | ('u' << 8) | 'g'
                or ('s' << 16) | ('e' << 8) | 'p' or ('o' << 16) | ('c' << 8) | 't' or ('n' << 16) | ('o' << 8) | 'v'
                or ('d' << 16) | ('e' << 8) | 'c' => true,
            _ => false,
        };
    }
}
