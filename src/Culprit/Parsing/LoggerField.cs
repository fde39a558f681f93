using Culprit.Model;

namespace Culprit.Parsing;

/// <summary>
/// The logger (category, module, tag) of a header. A word counts as one only when a separator marks it:
/// <c>com.x.Y:</c> (qualified, or after a pid or thread), <c>name -</c>, Spring Boot's <c>name   :</c>, NLog's
/// <c>|name|</c>, Flask's <c>in module:</c>, Monolog's <c>channel.LEVEL:</c>, zap's tab-separated caller,
/// Airflow's <c>{file.py:12}</c>. A qualified exception type before a colon is the message, not a logger.
/// </summary>
internal static class LoggerField
{
    private const int MaxLength = 256;

    public static HeaderStep Read(ReadOnlySpan<char> s, ref int p, ref PlainHeader h, ref HeaderScan scan)
    {
        var start = p;
        var end = HeaderText.TokenEnd(s, p, scan.Pipes ? '|' : ' ');
        if (end - start > MaxLength || !h.Logger.IsEmpty)
            return HeaderStep.NoMatch;
        var token = s[start..end];
        if (token is "in" && h.Level != LogLevel.Unknown)
            return ReadFlask(s, ref p, ref h, end);
        var known = h.Level != LogLevel.Unknown;
        if (token.Length > 1 && token[^1] == ':')
        {
            var name = token[..^1];
            var dot = name.LastIndexOf('.');
            if (!known && dot > 0 && HeaderText.IsUpperWord(name[(dot + 1)..]) && LevelNames.Parse(name[(dot + 1)..]) is var level and not LogLevel.Unknown)
            {
                h.Level = level;
                h.Logger = new Slice(start, dot);
                p = end;
                return HeaderStep.Stop;
            }

            if (!(scan.Structured || name.ContainsAny('.', '$', '/')) || HeaderText.LooksLikeExceptionType(name))
                return HeaderStep.NoMatch;
            return Take(ref p, ref h, new Slice(start, name.Length), end, known);
        }

        if (scan.Pipes && end < s.Length && s[end] == '|')
            return Take(ref p, ref h, Slice.Between(start, end), end + 1, known);
        if (HeaderText.LooksLikeExceptionType(token))
            return HeaderStep.NoMatch;
        var q = HeaderText.SkipBlanks(s, end);
        var separated = q > end && q < s.Length && (q + 1 == s.Length || s[q + 1] is ' ' or '\t');
        if (separated && s[q] == ':')
            return Take(ref p, ref h, Slice.Between(start, end), q + 1, known);
        // "name - " names a logger before the level (Python) or, once the level is known, after a thread or
        // when it reads like a class name (log4j's %c): qualified or CamelCase, unlike "Failed - retrying"
        if (separated && s[q] == '-' && (!known || scan.Structured || token.Contains('.') || IsCamelCase(token)))
            return Take(ref p, ref h, Slice.Between(start, end), q + 1, known);
        // a padded level, then a padded name (Windows CBS: "Info                  CBS    message")
        if (scan.AfterPaddedLevel && known && HeaderText.IsPadding(s, end) && IsName(token))
            return Take(ref p, ref h, Slice.Between(start, end), end, known: true);
        if (scan.AfterTab && known && end < s.Length && s[end] == '\t')
            return Take(ref p, ref h, Slice.Between(start, end), end, known: true);
        return HeaderStep.NoMatch;
    }

    /// <summary>Airflow's <c>{taskinstance.py:1234}</c>.</summary>
    public static HeaderStep ReadBraced(ReadOnlySpan<char> s, ref int p, ref PlainHeader h)
    {
        var close = s[p..].IndexOf('}');
        if (close <= 1 || close > MaxLength || !h.Logger.IsEmpty || s.Slice(p + 1, close - 1).ContainsAny(' ', '\t'))
            return HeaderStep.NoMatch;
        h.Logger = new Slice(p + 1, close - 1);
        p += close + 1;
        return HeaderStep.Next;
    }

    private static HeaderStep ReadFlask(ReadOnlySpan<char> s, ref int p, ref PlainHeader h, int end)
    {
        var q = HeaderText.SkipBlanks(s, end);
        var moduleEnd = HeaderText.TokenEnd(s, q);
        if (moduleEnd - q < 2 || s[moduleEnd - 1] != ':')
            return HeaderStep.NoMatch;
        h.Logger = Slice.Between(q, moduleEnd - 1);
        p = moduleEnd;
        return HeaderStep.Stop;
    }

    /// <summary>Letters, digits and <c>._-$</c>, starting with a letter.</summary>
    private static bool IsName(ReadOnlySpan<char> token)
    {
        if (!char.IsAsciiLetter(token[0]))
            return false;
        foreach (var c in token)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-' or '$'))
                return false;
        }

        return true;
    }

    private static bool IsCamelCase(ReadOnlySpan<char> token)
    {
        if (!char.IsAsciiLetterUpper(token[0]))
            return false;
        for (var i = 1; i + 1 < token.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(token[i]))
                return false;
            if (char.IsAsciiLetterLower(token[i]) && char.IsAsciiLetterUpper(token[i + 1]))
                return true;
        }

        return false;
    }

    private static HeaderStep Take(ref int p, ref PlainHeader h, Slice logger, int next, bool known)
    {
        h.Logger = logger;
        p = next;
        return known ? HeaderStep.Stop : HeaderStep.Next;
    }
}
