using System.Text.RegularExpressions;
using Culprit.Parsing.Templates;

namespace Culprit.Tests.Support;

/// <summary>
/// The template tokenizer written the simple way: strings, substrings and regular expressions, one recogniser
/// after the other, no dispatch and no fast paths. The property tests hold the span-based
/// <see cref="TemplateTokenizer"/> to it (default delimiters).
/// </summary>
public static partial class ReferenceTokenizer
{
    private const string Delimiters = "=:,;()[]{}<>\"'|@/#";
    private const string OpenBoundaries = "=:,;([{<\"'|@/#";
    private static readonly string[] Weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december"];
    private static readonly string[] SourceExtensions = ["c", "cc", "cpp", "cxx", "h", "hpp", "java", "py", "go", "rs", "js", "ts", "cs", "rb", "php", "scala", "kt", "m", "swift", "pl", "lua", "erl", "ex", "exs", "clj", "groovy", "dart"];

    public static List<(string Text, TokenKind Kind, bool Space)> Tokenize(string s)
    {
        var tokens = new List<(string, TokenKind, bool)>();
        var i = 0;
        while (i < s.Length && char.IsWhiteSpace(s[i]))
            i++;
        var space = false;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c))
            {
                space = true;
                i++;
                continue;
            }

            if (i > 0 && s[i - 1] == '=' && !space)
            {
                if (c is '"' or '\'')
                {
                    var k = s.IndexOf(c, i + 1);
                    if (k > i + 1 && !char.IsWhiteSpace(s[i + 1]) && !char.IsWhiteSpace(s[k - 1]))
                    {
                        var v = s[(i + 1)..k];
                        tokens.Add((c.ToString(), TokenKind.Punct, false));
                        tokens.Add((v, ClassifyValue(v), false));
                        tokens.Add((c.ToString(), TokenKind.Punct, false));
                        i = k + 1;
                        continue;
                    }
                }

                var j = ValueEnd(s, i);
                if (j > 0)
                {
                    var v = s[i..j];
                    tokens.Add((v, ClassifyValue(v), false));
                    i = j;
                    continue;
                }
            }

            if (i == 0 || char.IsWhiteSpace(s[i - 1]) || OpenBoundaries.Contains(s[i - 1]))
            {
                var j = StrongAt(s, i);
                if (j > 0)
                {
                    tokens.Add((s[i..j], TokenKind.Variable, space));
                    space = false;
                    i = j;
                    continue;
                }
            }

            if (IsWord(c) && !(".-!?".Contains(c) && !(i + 1 < s.Length && char.IsLetterOrDigit(s[i + 1]))))
            {
                var j = i;
                while (j < s.Length && IsWord(s[j]) && !(s[j] == '.' && j + 1 < s.Length && s[j + 1] == '.' && j > i))
                    j++;
                var k = j;
                while (k > i + 1 && ".!?-".Contains(s[k - 1]))
                    k--;
                var end = k == j || AtEnd(s, j) ? k : j;
                var w = s[i..end];
                var m = SplitWord().Match(w);
                if (m.Success)
                {
                    tokens.Add((m.Groups[1].Value, TokenKind.Word, space));
                    tokens.Add((m.Groups[2].Value, TokenKind.Punct, false));
                    space = false;
                    i += m.Groups[1].Length + 1;
                    var number = DigitLead(s, i);
                    tokens.Add((s[i..number], TokenKind.Variable, false));
                    i = number;
                    continue;
                }

                tokens.Add((w, ClassifyWord(w), space));
                space = false;
                i = end;
                continue;
            }

            var e = i + 1;
            while (e < s.Length && s[e] == c && !"()[]{}<>\"'".Contains(c))
                e++;
            tokens.Add((s[i..e], TokenKind.Punct, space));
            space = false;
            i = e;
        }

        return tokens;
    }

    private static bool IsWord(char c) => char.IsLetterOrDigit(c) || "_.-$*!?&%+~\\".Contains(c);

    private static bool AtEnd(string s, int j)
    {
        while (true)
        {
            if (j >= s.Length || char.IsWhiteSpace(s[j]) || Delimiters.Contains(s[j]))
                return true;
            if (".!?,;".Contains(s[j]))
            {
                j++;
                continue;
            }

            return false;
        }
    }

    private static int TrimTrailing(string s, int i, int j)
    {
        while (j > i && ".!?,;:-".Contains(s[j - 1]))
            j--;
        return j;
    }

    private static int StrongAt(string s, int i)
    {
        foreach (var f in new Func<string, int, int>[] { DateTime, IsoDate, CommonLogDate, Url, Path, Email, Uuid, Ipv4, HostPort, ColonHex, DigitLead, BracketedIpv6 })
        {
            var j = f(s, i);
            if (j > 0)
                return j;
        }

        return -1;
    }

    private static int Ended(string s, Match m) => m.Success && AtEnd(s, m.Index + m.Length) ? m.Index + m.Length : -1;

    private static int Url(string s, int i)
    {
        var m = UrlScheme().Match(s, i);
        if (!m.Success)
            return -1;
        var j = Bracketed(s, i + m.Length, c => !char.IsWhiteSpace(c) && !"\"'<>".Contains(c));
        j = TrimTrailing(s, i, j);
        return j > i + m.Length ? j : -1;
    }

    private static int Path(string s, int i)
    {
        int k;
        if (s[i] == '/' && i + 1 < s.Length && (char.IsLetterOrDigit(s[i + 1]) || "_.-~*$".Contains(s[i + 1])))
            k = i + 1;
        else if (s[i..].StartsWith("./", StringComparison.Ordinal) || s[i..].StartsWith("../", StringComparison.Ordinal) || s[i..].StartsWith("~/", StringComparison.Ordinal) || s[i..].StartsWith("\\\\", StringComparison.Ordinal))
            k = i + 2;
        else if (i + 3 < s.Length && char.IsAsciiLetter(s[i]) && s[i + 1] == ':' && s[i + 2] is '\\' or '/' && !char.IsWhiteSpace(s[i + 3]))
            k = i + 3;
        else
            return -1;
        var full = Bracketed(s, k, c => !char.IsWhiteSpace(c) && !",;\"'<>|".Contains(c));
        var j = TrimTrailing(s, i, full);
        if (j < full && s[j] == '.' && j + 1 == full && full < s.Length && char.IsWhiteSpace(s[full]) && s[full..].Trim().Length > 0)
            j = full;
        return j > i + 1 ? j : -1;
    }

    /// <summary>Advances over characters that <paramref name="allowed"/> accepts, stopping at a closing bracket not opened since <paramref name="j"/>.</summary>
    private static int Bracketed(string s, int j, Func<char, bool> allowed)
    {
        var depth = 0;
        while (j < s.Length && allowed(s[j]))
        {
            if ("([{".Contains(s[j]))
            {
                depth++;
            }
            else if (")]}".Contains(s[j]))
            {
                if (depth == 0)
                    break;
                depth--;
            }

            j++;
        }

        return j;
    }

    private static int Ipv4(string s, int i) => Ended(s, Ipv4Pattern().Match(s, i));

    private static int HostPort(string s, int i)
    {
        var m = Host().Match(s, i);
        if (!m.Success)
            return -1;
        var h = m.Value;
        var j = i + m.Length;
        if ((!h.Contains('.') && !h.Contains('-')) || !h.Any(char.IsAsciiLetter) || CamelCase().IsMatch(h))
            return -1;
        if (h.Contains('.') && SourceExtensions.Contains(h[(h.LastIndexOf('.') + 1)..].ToLowerInvariant()))
            return -1;
        if (j < s.Length && s[j] == '/')
        {
            var k = Ipv4(s, j + 1);
            if (k > 0)
                return k;
        }

        var port = Port().Match(s, j);
        return port.Success && AtEnd(s, j + port.Length) ? j + port.Length : -1;
    }

    private static int ColonHex(string s, int i)
    {
        var m = ColonHexPattern().Match(s, i);
        if (!m.Success)
            return -1;
        var t = m.Value;
        if (!t.Replace(":", "", StringComparison.Ordinal).Any(char.IsAsciiHexDigit))
            return -1;
        if (t.Count(c => c == ':') < 3 && !t.Contains("::", StringComparison.Ordinal) && !t.Contains('.'))
            return -1;
        if (Clock().IsMatch(t))
            return -1;
        return AtEnd(s, i + m.Length) ? i + m.Length : -1;
    }

    private static int BracketedIpv6(string s, int i)
    {
        if (s[i] != '[' || i + 1 >= s.Length)
            return -1;
        var j = ColonHex(s, i + 1);
        if (j < 0)
            return -1;
        var port = BracketPort().Match(s, j);
        return port.Success && AtEnd(s, j + port.Length) ? j + port.Length : -1;
    }

    private static int DigitLead(string s, int i)
    {
        var j = i;
        if (s[j] is '+' or '-')
        {
            if (!(j + 1 < s.Length && char.IsAsciiDigit(s[j + 1])))
                return -1;
            j++;
        }

        if (!(j < s.Length && char.IsAsciiDigit(s[j])))
            return -1;
        while (j < s.Length)
        {
            var c = s[j];
            if (char.IsLetterOrDigit(c) || "_.-+".Contains(c))
                j++;
            else if (":/".Contains(c) && j + 1 < s.Length && char.IsAsciiDigit(s[j + 1]))
                j++;
            else
                break;
        }

        return TrimTrailing(s, i, j);
    }

    private static int DateTime(string s, int i)
    {
        var j = i;
        var m = WeekdayPrefix().Match(s, i);
        if (m.Success && Weekdays.Contains(m.Groups[1].Value.ToLowerInvariant()))
            j = i + m.Length;
        m = MonthDayTime().Match(s, j);
        if (!m.Success || !Months.Contains(m.Groups[1].Value.ToLowerInvariant()))
            return -1;
        j += m.Length;
        var zone = Zone().Match(s, j);
        if (zone.Success)
            j += zone.Length;
        var year = Year().Match(s, j);
        if (year.Success)
            j += year.Length;
        return AtEnd(s, j) ? j : -1;
    }

    private static int CommonLogDate(string s, int i)
    {
        var m = CommonLogPattern().Match(s, i);
        return m.Success && Months.Contains(m.Groups[1].Value.ToLowerInvariant()) ? Ended(s, m) : -1;
    }

    private static int IsoDate(string s, int i) => Ended(s, IsoPattern().Match(s, i));

    private static int Email(string s, int i) => Ended(s, EmailPattern().Match(s, i));

    private static int Uuid(string s, int i) => Ended(s, UuidPattern().Match(s, i));

    private static TokenKind ClassifyWord(string w)
    {
        if (new[] { "true", "false", "null" }.Contains(w.ToLowerInvariant()))
            return TokenKind.Variable;
        if (char.IsAsciiDigit(w[0]) || (w.Length > 1 && w[0] is '+' or '-' && char.IsAsciiDigit(w[1])))
            return TokenKind.Variable;
        if (ThreeDigits().IsMatch(w))
            return TokenKind.Variable;
        if (w.Length >= 8 && w.All(char.IsAsciiHexDigit))
            return TokenKind.Variable;
        if (w.Length >= 4 && w.All(char.IsAsciiHexDigit) && w.Any(char.IsAsciiDigit) && w.Any(char.IsAsciiLetter))
            return TokenKind.Variable;
        if (Version().IsMatch(w))
            return TokenKind.Variable;
        return w.Any(char.IsAsciiDigit) ? TokenKind.Weak : TokenKind.Word;
    }

    private static TokenKind ClassifyValue(string v)
    {
        if (StrongAt(v, 0) == v.Length)
            return TokenKind.Variable;
        var kind = ClassifyWord(v);
        return kind == TokenKind.Weak ? TokenKind.Variable : kind;
    }

    private static int ValueEnd(string s, int i)
    {
        if (i >= s.Length || !(char.IsLetterOrDigit(s[i]) || "./\\-+*_~$#".Contains(s[i])))
            return -1;
        var j = i;
        var depth = 0;
        while (j < s.Length && !char.IsWhiteSpace(s[j]) && !",;\"'".Contains(s[j]))
        {
            if ("([{<".Contains(s[j]))
            {
                depth++;
            }
            else if (")]}>".Contains(s[j]))
            {
                if (depth == 0)
                    break;
                depth--;
            }

            j++;
        }

        if (depth > 0)
            j = "([{<".Select(o => s.IndexOf(o, i, j - i)).Where(k => k >= 0).Min();
        j = TrimTrailing(s, i, j);
        return j > i ? j : -1;
    }
}
