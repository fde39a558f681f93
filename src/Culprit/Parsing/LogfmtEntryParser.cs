using Culprit.Framing;
using Culprit.Model;

namespace Culprit.Parsing;

/// <summary>
/// logfmt lines (<c>time=… level=error msg="quoted \"x\"" key=value</c>: Go's slog and go-kit, logrus,
/// log15, Heroku). Keys map through <see cref="FieldAliases"/>: when two keys name the same property the
/// better-ranked one wins and the other stays an attribute. A line without a message key is its own message.
/// </summary>
internal static class LogfmtEntryParser
{
    private static readonly string[] LeadingKeys = ["time", "ts", "t", "timestamp", "level", "lvl", "severity", "msg", "message", "at", "caller", "logger"];

    /// <summary>
    /// True when <paramref name="s"/> starts with <c>key=</c>: one of the keys logfmt loggers put first, or any
    /// key when <paramref name="lenient"/> (the source is known to be logfmt).
    /// </summary>
    public static bool LooksLike(ReadOnlySpan<char> s, bool lenient)
    {
        if (s.IsEmpty || !(char.IsAsciiLetter(s[0]) || s[0] == '_'))
            return false;
        var n = KeyLength(s, 0);
        if (n >= s.Length || s[n] != '=')
            return false;
        if (lenient)
            return true;
        var key = s[..n];
        foreach (var leading in LeadingKeys)
        {
            if (key.Equals(leading, StringComparison.Ordinal))
                return true;
        }

        return false;
    }

    public static void Parse(RawEntry raw, LogEntry entry, LogClock clock)
    {
        var line = raw.Lines[0];
        var s = line.AsSpan();
        var fields = new FieldSink(entry, clock);
        var p = 0;
        while (p < s.Length)
        {
            p = HeaderText.SkipBlanks(s, p);
            var keyStart = p;
            var keyEnd = p + KeyLength(s, p);
            if (keyEnd == p)
            {
                p++;
                continue;
            }

            if (keyEnd >= s.Length || s[keyEnd] != '=')
            {
                p = HeaderText.TokenEnd(s, keyEnd);
                continue;
            }

            string value;
            if (keyEnd + 1 < s.Length && s[keyEnd + 1] == '"')
            {
                value = QuotedText.Read(s, keyEnd + 1, out p);
            }
            else
            {
                p = HeaderText.TokenEnd(s, keyEnd + 1);
                value = s[(keyEnd + 1)..p].ToString();
            }

            fields.Add(s[keyStart..keyEnd], value);
        }

        if (!fields.HasMessage)
            entry.Message = line;
        entry.Format = "logfmt";
        if (raw.Lines.Count > 1)
            entry.Message = MessageText.Build(entry.Message, 0, raw.Lines, 1);
    }

    /// <summary>A logfmt key: anything up to <c>=</c>, a blank or a quote.</summary>
    private static int KeyLength(ReadOnlySpan<char> s, int p)
    {
        var n = p;
        while (n < s.Length && s[n] is not ('=' or ' ' or '\t' or '"'))
            n++;
        return n - p;
    }
}
