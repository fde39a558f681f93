namespace Culprit.Parsing.Templates;

/// <summary>
/// Network addresses and ids: IPv4 with an optional port, <c>host:port</c> and Java's <c>host/ip:port</c>,
/// IPv6 and MAC addresses (colon-separated hex), e-mail addresses and UUIDs.
/// </summary>
internal static class AddressRecognizer
{
    private static readonly string[] SourceExtensions =
        ["c", "cc", "cpp", "cxx", "h", "hpp", "java", "py", "go", "rs", "js", "ts", "cs", "rb", "php", "scala", "kt", "m", "swift", "pl", "lua", "erl", "ex", "exs", "clj", "groovy", "dart"];

    /// <summary>End of an IPv4 address (with <c>:port</c>) at <paramref name="i"/> that ends a token, or -1.</summary>
    public static int Ipv4(ReadOnlySpan<char> s, int i, TemplateChars chars)
    {
        var j = i;
        for (var octet = 0; octet < 3; octet++)
        {
            var run = DigitRun(s, j, 4);
            if (run is 0 or 4 || (run == 3 && !ValidThreeDigits(s, j)) || j + run >= s.Length || s[j + run] != '.')
                return -1;
            j += run + 1;
        }

        var last = DigitRun(s, j, 3);
        if (last == 0)
            return -1;
        j += last == 3 && !ValidThreeDigits(s, j) ? 2 : last;
        if (j + 1 < s.Length && s[j] == ':' && TemplateChars.IsDigit(s[j + 1]))
            j += 1 + DigitRun(s, j + 1, 5);
        return chars.AtEnd(s, j) ? j : -1;
    }

    /// <summary>End of <c>host:port</c> or <c>host/ip[:port]</c> at <paramref name="i"/>, or -1. The host needs a dot or
    /// a hyphen and a letter; camel-case names and <c>file.java:42</c> are not hosts.</summary>
    public static int HostPort(ReadOnlySpan<char> s, int i, TemplateChars chars)
    {
        var e = Label(s, i);
        if (e < 0)
            return -1;
        while (e < s.Length && s[e] == '.')
        {
            var next = Label(s, e + 1);
            if (next < 0)
                break;
            e = next;
        }

        var host = s[i..e];
        if (host.IndexOfAny('.', '-') < 0 || !host.ContainsAnyInRange('A', 'Z') && !host.ContainsAnyInRange('a', 'z') || IsCamel(host))
            return -1;
        var dot = host.LastIndexOf('.');
        if (dot >= 0 && IsSourceExtension(host[(dot + 1)..]))
            return -1;
        if (e < s.Length && s[e] == '/')
        {
            var ip = Ipv4(s, e + 1, chars);
            if (ip > 0)
                return ip;
        }

        if (e + 1 < s.Length && s[e] == ':' && TemplateChars.IsDigit(s[e + 1]))
        {
            var end = e + 1 + DigitRun(s, e + 1, 5);
            if (chars.AtEnd(s, end))
                return end;
        }

        return -1;
    }

    /// <summary>End of colon-separated hex (IPv6, MAC, <c>0000:00:1f.0</c>) at <paramref name="i"/>, or -1; a clock time is not one.</summary>
    public static int ColonHex(ReadOnlySpan<char> s, int i, TemplateChars chars)
    {
        var j = i + HexRun(s, i);
        if (j - i > 4 || j >= s.Length || s[j] != ':')
            return -1;
        var groups = 0;
        var anyHex = j > i;
        var doubleColon = false;
        while (j < s.Length && s[j] == ':')
        {
            var run = HexRun(s, j + 1);
            if (run == 0 && j + 1 < s.Length && s[j + 1] == ':')
                doubleColon = true;
            anyHex |= run > 0;
            j += 1 + Math.Min(run, 4);
            groups++;
            if (run > 4)
                break;
        }

        if (groups < 2)
            return -1;
        var dotted = false;
        if (j + 1 < s.Length && s[j] == '.' && TemplateChars.IsDigit(s[j + 1]))
        {
            j += 1 + DigitRun(s, j + 1, int.MaxValue);
            dotted = true;
            anyHex = true;
        }

        var text = s[i..j];
        if (!anyHex || (groups < 3 && !doubleColon && !dotted) || IsClock(text))
            return -1;
        return chars.AtEnd(s, j) ? j : -1;
    }

    /// <summary>End of an IPv6 address in brackets with a port (<c>[fe80::1]:8080</c>) at <paramref name="i"/>, or -1.</summary>
    public static int BracketedIpv6(ReadOnlySpan<char> s, int i, TemplateChars chars)
    {
        if (s[i] != '[' || i + 1 >= s.Length)
            return -1;
        var j = ColonHex(s, i + 1, chars);
        if (j < 0 || j + 2 >= s.Length || s[j] != ']' || s[j + 1] != ':' || !TemplateChars.IsDigit(s[j + 2]))
            return -1;
        var end = j + 2 + DigitRun(s, j + 2, 5);
        return chars.AtEnd(s, end) ? end : -1;
    }

    /// <summary>End of an e-mail address at <paramref name="i"/>, or -1.</summary>
    public static int Email(ReadOnlySpan<char> s, int i, TemplateChars chars)
    {
        var j = i;
        while (j < s.Length && (char.IsAsciiLetterOrDigit(s[j]) || s[j] is '.' or '_' or '%' or '+' or '-'))
            j++;
        if (j == i || j >= s.Length || s[j] != '@')
            return -1;
        // labels of the domain: the address ends after the letters that start the last label with two of them
        var labelStart = j + 1;
        var k = DomainLabel(s, labelStart);
        if (k == labelStart)
            return -1;
        var end = -1;
        while (k + 1 < s.Length && s[k] == '.')
        {
            var next = DomainLabel(s, k + 1);
            if (next == k + 1)
                break;
            var letters = 0;
            while (k + 1 + letters < next && char.IsAsciiLetter(s[k + 1 + letters]))
                letters++;
            if (letters >= 2)
                end = k + 1 + letters;
            k = next;
        }

        return end > 0 && chars.AtEnd(s, end) ? end : -1;
    }

    /// <summary>End of a UUID (8-4-4-4-12 hex) at <paramref name="i"/>, or -1.</summary>
    public static int Uuid(ReadOnlySpan<char> s, int i, TemplateChars chars)
    {
        if (s.Length - i < 36)
            return -1;
        for (var k = 0; k < 36; k++)
        {
            var c = s[i + k];
            if (k is 8 or 13 or 18 or 23 ? c != '-' : !char.IsAsciiHexDigit(c))
                return -1;
        }

        return chars.AtEnd(s, i + 36) ? i + 36 : -1;
    }

    private static int Label(ReadOnlySpan<char> s, int i)
    {
        if (i >= s.Length || !char.IsAsciiLetterOrDigit(s[i]))
            return -1;
        var k = i + 1;
        while (k < s.Length && (char.IsAsciiLetterOrDigit(s[k]) || s[k] == '-'))
            k++;
        while (s[k - 1] == '-')
            k--;
        return k;
    }

    private static int DomainLabel(ReadOnlySpan<char> s, int i)
    {
        var k = i;
        while (k < s.Length && (char.IsAsciiLetterOrDigit(s[k]) || s[k] == '-'))
            k++;
        return k;
    }

    private static bool IsCamel(ReadOnlySpan<char> s)
    {
        for (var k = 1; k < s.Length; k++)
        {
            if (char.IsAsciiLetterUpper(s[k]) && char.IsAsciiLetterLower(s[k - 1]))
                return true;
        }

        return false;
    }

    private static bool IsSourceExtension(ReadOnlySpan<char> extension)
    {
        foreach (var known in SourceExtensions)
        {
            if (extension.Equals(known, StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }

    /// <summary><c>h:mm:ss</c> or <c>hh:mm:ss(.f+)</c>.</summary>
    private static bool IsClock(ReadOnlySpan<char> t)
    {
        var h = DigitRun(t, 0, 3);
        if (h is 0 or 3 || t.Length < h + 6 || t[h] != ':' || DigitRun(t, h + 1, 3) != 2 || t[h + 3] != ':' || DigitRun(t, h + 4, 3) != 2)
            return false;
        var rest = t[(h + 6)..];
        return rest.IsEmpty || (rest.Length > 1 && rest[0] == '.' && DigitRun(rest, 1, int.MaxValue) == rest.Length - 1);
    }

    /// <summary>Length of the run of ASCII digits at <paramref name="i"/>, counted up to <paramref name="max"/>.</summary>
    public static int DigitRun(ReadOnlySpan<char> s, int i, int max)
    {
        var k = 0;
        while (k < max && i + k < s.Length && TemplateChars.IsDigit(s[i + k]))
            k++;
        return k;
    }

    private static int HexRun(ReadOnlySpan<char> s, int i)
    {
        var k = i;
        while (k < s.Length && char.IsAsciiHexDigit(s[k]))
            k++;
        return k - i;
    }

    /// <summary>A three-digit octet the pattern <c>25[0-5]|2[0-4]\d|1\d\d</c> accepts.</summary>
    private static bool ValidThreeDigits(ReadOnlySpan<char> s, int j) =>
        s[j] == '1' || (s[j] == '2' && (s[j + 1] is >= '0' and <= '4' || (s[j + 1] == '5' && s[j + 2] is >= '0' and <= '5')));
}
