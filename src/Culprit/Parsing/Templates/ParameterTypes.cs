namespace Culprit.Parsing.Templates;

/// <summary>Infers the <see cref="ParameterType"/> of a parameter from its text, with the tokenizer's recognisers.</summary>
internal static class ParameterTypes
{
    private static readonly string[] SizeUnits = ["b", "kb", "mb", "gb", "tb", "pb", "kib", "mib", "gib", "tib", "k", "g", "bytes"];
    private static readonly string[] DurationUnits = ["ns", "us", "µs", "ms", "s", "sec", "secs", "m", "min", "mins", "h", "hr", "hrs", "d"];

    public static ParameterType Infer(ReadOnlySpan<char> v, TemplateChars chars)
    {
        if (v.IsEmpty)
            return ParameterType.Text;
        if (v.Equals("true", StringComparison.OrdinalIgnoreCase) || v.Equals("false", StringComparison.OrdinalIgnoreCase))
            return ParameterType.Boolean;
        if (v.Equals("null", StringComparison.OrdinalIgnoreCase))
            return ParameterType.Null;
        if (Whole(v, DateRecognizer.SyslogStyle(v, 0, chars)) || Whole(v, DateRecognizer.IsoStyle(v, 0, chars)) || Whole(v, DateRecognizer.CommonLogStyle(v, 0, chars)))
            return ParameterType.DateTime;
        if (Whole(v, PathRecognizer.Url(v, 0)))
            return ParameterType.Url;
        if (Whole(v, PathRecognizer.Path(v, 0)))
            return ParameterType.Path;
        if (Whole(v, AddressRecognizer.Email(v, 0, chars)))
            return ParameterType.Email;
        if (Whole(v, AddressRecognizer.Uuid(v, 0, chars)))
            return ParameterType.Uuid;
        if (Whole(v, AddressRecognizer.Ipv4(v, 0, chars)) || Whole(v, AddressRecognizer.BracketedIpv6(v, 0, chars)))
            return ParameterType.IpAddress;
        if (Whole(v, AddressRecognizer.HostPort(v, 0, chars)))
            return ParameterType.HostPort;
        if (Whole(v, AddressRecognizer.ColonHex(v, 0, chars)))
            return IsMac(v) ? ParameterType.MacAddress : v.Contains('.') ? ParameterType.Identifier : ParameterType.IpAddress;
        return Number(v);
    }

    private static ParameterType Number(ReadOnlySpan<char> v)
    {
        var body = v[0] is '+' or '-' && v.Length > 1 ? v[1..] : v;
        if (body.Length > 2 && body[0] == '0' && body[1] is 'x' or 'X' && IsHex(body[2..]))
            return ParameterType.Hex;
        if (!char.IsAsciiDigit(body[0]))
            return Word(v);
        var k = 0;
        while (k < body.Length && char.IsAsciiDigit(body[k]))
            k++;
        var dots = 0;
        while (k + 1 < body.Length && body[k] == '.' && char.IsAsciiDigit(body[k + 1]))
        {
            dots++;
            k++;
            while (k < body.Length && char.IsAsciiDigit(body[k]))
                k++;
        }

        var rest = body[k..];
        if (rest.IsEmpty)
            return dots >= 2 ? ParameterType.Version : ParameterType.Number;
        if (dots <= 1 && (IsOneOf(rest, SizeUnits) || rest.SequenceEqual("M")))
            return ParameterType.Size;
        if (dots <= 1 && IsOneOf(rest, DurationUnits))
            return ParameterType.Duration;
        if (dots == 0 && rest[0] is ':' or '-' or '/')
            return ParameterType.DateTime;
        return IsHex(v) ? ParameterType.Hex : ParameterType.Identifier;
    }

    private static ParameterType Word(ReadOnlySpan<char> v)
    {
        if (v.Length >= 4 && IsHex(v) && v.ContainsAnyInRange('0', '9'))
            return ParameterType.Hex;
        if (v.Length > 1 && v[0] is 'v' or 'V' && char.IsAsciiDigit(v[1]))
            return ParameterType.Version;
        return v.ContainsAnyInRange('0', '9') ? ParameterType.Identifier : ParameterType.Text;
    }

    private static bool Whole(ReadOnlySpan<char> v, int end) => end == v.Length;

    private static bool IsHex(ReadOnlySpan<char> v)
    {
        foreach (var c in v)
        {
            if (!char.IsAsciiHexDigit(c))
                return false;
        }

        return !v.IsEmpty;
    }

    private static bool IsMac(ReadOnlySpan<char> v)
    {
        var groups = 0;
        foreach (var part in v.Split(':'))
        {
            if (part.End.Value - part.Start.Value != 2)
                return false;
            groups++;
        }

        return groups >= 6;
    }

    private static bool IsOneOf(ReadOnlySpan<char> word, string[] names)
    {
        foreach (var name in names)
        {
            if (word.Equals(name, StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }
}
