namespace Culprit.Parsing.Templates;

/// <summary>
/// Splits a message into tokens in one pass over its characters, without regular expressions and without
/// allocating: whitespace separates tokens and is remembered as a flag; delimiters split words so that
/// punctuation-attached variables stay apart (<c>size:1024</c>, <c>(10.0.0.1:80)</c>, <c>key=value</c>);
/// variables are recognised by type where they start (see <see cref="VariableRecognizer"/>); a value glued to
/// <c>=</c> is one token up to the next comma or space. Every non-whitespace character lands in exactly one
/// token and no token starts with whitespace (a timestamp or a quoted value may hold some inside), so a
/// message is rebuilt from its tokens modulo whitespace; leading whitespace is ignored. Safe to share
/// between threads.
/// </summary>
public sealed class TemplateTokenizer
{
    private static readonly System.Buffers.SearchValues<char> HexLetters = System.Buffers.SearchValues.Create("abcdefABCDEF");

    private readonly TemplateChars _chars;

    public TemplateTokenizer(TemplateOptions? options = null)
    {
        options ??= new TemplateOptions();
        options.Validate();
        _chars = new TemplateChars(options.Delimiters);
    }

    internal TemplateChars Chars => _chars;

    /// <summary>Tokenizes <paramref name="s"/> into <paramref name="tokens"/> (cleared first).</summary>
    public void Tokenize(ReadOnlySpan<char> s, TokenBuffer tokens)
    {
        tokens.Clear();
        var chars = _chars;
        var i = 0;
        while (i < s.Length && chars.IsSpace(s[i]))
            i++;
        var space = false;
        while (i < s.Length)
        {
            var c = s[i];
            if (chars.IsSpace(c))
            {
                space = true;
                i++;
                continue;
            }

            var afterEquals = i > 0 && s[i - 1] == '=' && !space;
            if (!afterEquals && TryPlain(s, ref i, space, tokens))
            {
                space = false;
                continue;
            }

            if (afterEquals && TryValue(s, ref i, tokens))
                continue;
            if (chars.BoundBefore(s, i))
            {
                var end = VariableRecognizer.End(s, i, chars);
                if (end > i)
                {
                    tokens.Add(i, end, TokenKind.Variable, space);
                    space = false;
                    i = end;
                    continue;
                }
            }

            if (chars.IsWord(c) && !(c is '.' or '-' or '!' or '?' && !(i + 1 < s.Length && char.IsLetterOrDigit(s[i + 1]))))
            {
                i = Word(s, i, space, tokens);
                space = false;
                continue;
            }

            var j = i + 1;
            if (c is not ('(' or ')' or '[' or ']' or '{' or '}' or '<' or '>' or '"' or '\''))
            {
                while (j < s.Length && s[j] == c)
                    j++;
            }

            tokens.Add(i, j, TokenKind.Punct, space);
            space = false;
            i = j;
        }
    }

    /// <summary>
    /// The fast path for the commonest tokens: a run of ASCII letters, or of digits at a variable boundary,
    /// ended by whitespace, the end, or a bracket, quote or <c>=;|#</c> (and, for digits, a comma). No variable
    /// pattern can start there except a timestamp (a month or weekday before a space), which is left to the
    /// general path; the result is the one the general path gives, in one scan.
    /// </summary>
    private bool TryPlain(ReadOnlySpan<char> s, ref int i, bool space, TokenBuffer tokens)
    {
        var c = s[i];
        var e = i + 1;
        if (char.IsAsciiLetter(c))
        {
            while (e < s.Length && char.IsAsciiLetter(s[e]))
                e++;
            if (e < s.Length && !_chars.IsSpace(s[e]) && s[e] is not ('=' or ';' or '(' or ')' or '[' or ']' or '{' or '}' or '<' or '>' or '"' or '\'' or '|' or '#'))
                return false;
            if (e < s.Length && _chars.IsSpace(s[e]) && _chars.BoundBefore(s, i) && VariableRecognizer.MayStartDate(s, i))
                return false;
            var word = s[i..e];
            var kind = (word.Length is 4 or 5 && WordClassifier.IsLiteral(word)) || (word.Length >= 8 && !word.ContainsAnyExcept(HexLetters))
                ? TokenKind.Variable
                : TokenKind.Word;
            tokens.Add(i, e, kind, space);
            i = e;
            return true;
        }

        if (!TemplateChars.IsDigit(c) || !_chars.BoundBefore(s, i))
            return false;
        while (e < s.Length && TemplateChars.IsDigit(s[e]))
            e++;
        if (e < s.Length && !_chars.IsSpace(s[e]) && s[e] is not ('=' or ';' or ',' or '(' or ')' or '[' or ']' or '{' or '}' or '<' or '>' or '"' or '\'' or '|' or '#'))
            return false;
        tokens.Add(i, e, TokenKind.Variable, space);
        i = e;
        return true;
    }

    /// <summary>The value after <c>key=</c>: a quoted string (the quotes kept apart) or one token.</summary>
    private bool TryValue(ReadOnlySpan<char> s, ref int i, TokenBuffer tokens)
    {
        var c = s[i];
        if (c is '"' or '\'')
        {
            var close = s[(i + 1)..].IndexOf(c);
            var k = i + 1 + close;
            if (close > 0 && !_chars.IsSpace(s[i + 1]) && !_chars.IsSpace(s[k - 1]))
            {
                tokens.Add(i, i + 1, TokenKind.Punct, false);
                tokens.Add(i + 1, k, WordClassifier.ClassifyValue(s[(i + 1)..k], _chars), false);
                tokens.Add(k, k + 1, TokenKind.Punct, false);
                i = k + 1;
                return true;
            }
        }

        var end = WordClassifier.ValueEnd(s, i);
        if (end < 0)
            return false;
        tokens.Add(i, end, WordClassifier.ClassifyValue(s[i..end], _chars), false);
        i = end;
        return true;
    }

    /// <summary>Reads the word at <paramref name="i"/>, keeping trailing sentence punctuation apart; returns its end.</summary>
    private int Word(ReadOnlySpan<char> s, int i, bool space, TokenBuffer tokens)
    {
        var chars = _chars;
        var j = i;
        while (j < s.Length && chars.IsWord(s[j]) && !(s[j] == '.' && j > i && j + 1 < s.Length && s[j + 1] == '.'))
            j++;
        var k = j;
        while (k > i + 1 && s[k - 1] is '.' or '!' or '?' or '-')
            k--;
        var end = k == j || chars.AtEnd(s, j) ? k : j;

        var letters = WordClassifier.SplitPoint(s[i..end]);
        if (letters > 0)
        {
            tokens.Add(i, i + letters, TokenKind.Word, space);
            tokens.Add(i + letters, i + letters + 1, TokenKind.Punct, false);
            var start = i + letters + 1;
            var numberEnd = VariableRecognizer.DigitLead(s, start);
            tokens.Add(start, numberEnd, TokenKind.Variable, false);
            return numberEnd;
        }

        tokens.Add(i, end, WordClassifier.Classify(s[i..end]), space);
        return end;
    }
}
