namespace Culprit.Parsing;

/// <summary>Double-quoted values of logfmt, key=value pairs and syslog structured data.</summary>
internal static class QuotedText
{
    /// <summary>
    /// Reads the quoted value whose opening quote is at <paramref name="open"/>; <paramref name="end"/> is the
    /// position after the closing quote (the end of the text when it is missing). Escapes \" \\ \n \t \r and
    /// \] are decoded; any other backslash is kept as written.
    /// </summary>
    public static string Read(ReadOnlySpan<char> s, int open, out int end)
    {
        var start = open + 1;
        var p = start;
        var escapes = false;
        while (p < s.Length && s[p] != '"')
        {
            if (s[p] == '\\' && p + 1 < s.Length)
            {
                escapes = true;
                p++;
            }

            p++;
        }

        end = Math.Min(p + 1, s.Length);
        var raw = s[start..Math.Min(p, s.Length)];
        return escapes ? Decode(raw) : raw.ToString();
    }

    private static string Decode(ReadOnlySpan<char> raw)
    {
        Span<char> buffer = raw.Length <= 512 ? stackalloc char[raw.Length] : new char[raw.Length];
        var n = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\\' && i + 1 < raw.Length)
            {
                var next = raw[i + 1];
                var decoded = next switch
                {
                    '"' or '\\' or ']' => next,
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    _ => '\0',
                };
                if (decoded != '\0')
                {
                    buffer[n++] = decoded;
                    i++;
                    continue;
                }
            }

            buffer[n++] = c;
        }

        return new string(buffer[..n]);
    }
}
