namespace Culprit.Code.Symbols;

/// <summary>
/// A copy of a source text with every comment and string literal (delimiters included) blanked to spaces, newlines
/// kept, so that braces, parentheses and calls can be found with plain scans. Code inside string interpolation
/// (<c>${ }</c>, <c>#{ }</c>) stays visible. Unterminated literals run to the end of the text and set
/// <see cref="Unterminated"/>; nothing here throws on bad input.
/// </summary>
internal sealed partial class SourceMask
{
    private static readonly HashSet<string> RegexAfterWords =
        new(["return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "yield", "await", "instanceof", "when", "if", "unless"], StringComparer.Ordinal);

    private readonly string _text;
    private readonly LexicalRules _rules;
    private readonly char[] _out;
    private readonly Stack<(char Quote, bool Triple, int Depth)> _resume = new();
    private int _depth;
    private char _lastSig = '\n';
    private int _lastSigAt = -1;

    private SourceMask(string text, LexicalRules rules)
    {
        _text = text;
        _rules = rules;
        _out = text.ToCharArray();
    }

    public bool Unterminated { get; private set; }

    public ReadOnlyMemory<char> Masked => _out;

    public static SourceMask Create(string text, LexicalRules rules)
    {
        var mask = new SourceMask(text, rules);
        mask.Run();
        return mask;
    }

    private void Run()
    {
        var text = _text;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c == '/' && next == '/' && _rules.SlashComments)
                i = BlankToLineEnd(i);
            else if (c == '#' && _rules.HashComments && !(_rules.Heredocs && next == '['))
                i = BlankToLineEnd(i);
            else if (c == '/' && next == '*' && _rules.BlockComments)
                i = BlockComment(i);
            else if (c == '=' && _rules.RubyBlockComments && AtLineStart(i) && string.CompareOrdinal(text, i, "=begin", 0, 6) == 0)
                i = RubyBlock(i);
            else if (c is '"' or '\'')
                i = QuotedString(i, c);
            else if (c == '`' && _rules.Backticks)
                i = StringBody(i + 1, '`', triple: false, start: i);
            else if (c == '<' && _rules.Heredocs && next == '<' && i + 2 < text.Length && text[i + 2] == '<')
                i = Heredoc(i);
            else if (c == '/' && _rules.RegexLiterals && RegexAllowed())
                i = Regex(i);
            else
            {
                if (c == '{')
                    _depth++;
                else if (c == '}')
                {
                    if (_resume.Count > 0 && _resume.Peek().Depth == _depth)
                    {
                        var (quote, triple, _) = _resume.Pop();
                        _depth--;
                        i = StringBody(i + 1, quote, triple, start: i);
                        continue;
                    }

                    _depth--;
                }

                if (!char.IsWhiteSpace(c))
                {
                    _lastSig = c;
                    _lastSigAt = i;
                }

                i++;
            }
        }

        if (_resume.Count > 0)
            Unterminated = true;
    }

    private bool AtLineStart(int i) => i == 0 || _text[i - 1] == '\n';

    private int BlankToLineEnd(int i)
    {
        while (i < _text.Length && _text[i] != '\n')
            _out[i++] = ' ';
        return i;
    }

    /// <summary>Literals and comments that span lines, in text order (a line starting inside one continues it).</summary>
    public List<(int From, int To)> MultiLine { get; } = [];

    private void Blank(int from, int to)
    {
        var newline = false;
        for (var k = from; k < to && k < _out.Length; k++)
        {
            if (_out[k] != '\n')
                _out[k] = ' ';
            else
                newline = true;
        }

        if (newline)
            MultiLine.Add((from, to));
    }

    private int BlockComment(int i)
    {
        var start = i;
        var nesting = 0;
        while (i < _text.Length)
        {
            if (_text[i] == '/' && i + 1 < _text.Length && _text[i + 1] == '*')
            {
                nesting++;
                i += 2;
                if (!_rules.NestedBlockComments)
                    nesting = 1;
            }
            else if (_text[i] == '*' && i + 1 < _text.Length && _text[i + 1] == '/')
            {
                i += 2;
                if (--nesting == 0)
                {
                    Blank(start, i);
                    return i;
                }
            }
            else
                i++;
        }

        Unterminated = true;
        Blank(start, i);
        return i;
    }

    private int RubyBlock(int i)
    {
        var start = i;
        var end = _text.IndexOf("\n=end", i, StringComparison.Ordinal);
        if (end < 0)
        {
            Unterminated = true;
            end = _text.Length;
        }
        else
        {
            end = _text.IndexOf('\n', end + 1);
            if (end < 0)
                end = _text.Length;
        }

        Blank(start, end);
        return end;
    }

    private int QuotedString(int i, char quote)
    {
        var triple = quote == '"' ? _rules.TripleQuotes : _rules.TripleSingleQuotes;
        if (triple && i + 2 < _text.Length && _text[i + 1] == quote && _text[i + 2] == quote)
            return StringBody(i + 3, quote, triple: true, start: i);
        return StringBody(i + 1, quote, triple: false, start: i);
    }

    /// <summary>Blanks a string from <paramref name="start"/> up to its closing quote, or up to an interpolation's code.</summary>
    private int StringBody(int i, char quote, bool triple, int start)
    {
        var text = _text;
        var escapes = !(quote == '`' && !_rules.BacktickInterpolation) && !(triple && _rules.Language == CodeLanguages.Kotlin);
        var multiline = triple || quote == '`' || _rules.Language is CodeLanguages.Ruby or CodeLanguages.Php;
        var interpolates = (quote == '`' && _rules.BacktickInterpolation) || (quote == '"' && _rules.InterpolationSigil != '\0');
        var sigil = quote == '`' ? '$' : _rules.InterpolationSigil;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && escapes)
            {
                i += 2;
                continue;
            }

            if (c == '\n' && !multiline)
            {
                // An unclosed one-line string ends at the line end rather than swallowing the file.
                Unterminated = true;
                Blank(start, i);
                return i;
            }

            if (interpolates && c == sigil && i + 1 < text.Length && text[i + 1] == '{')
            {
                Blank(start, i + 2);
                _depth++;
                _resume.Push((quote, triple, _depth));
                _lastSig = '{';
                _lastSigAt = i + 1;
                return i + 2;
            }

            if (c == quote && (!triple || (i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote)))
            {
                var end = i + (triple ? 3 : 1);
                Blank(start, end);
                _lastSig = 'a';
                _lastSigAt = -1;
                return end;
            }

            i++;
        }

        Unterminated = true;
        Blank(start, i);
        return i;
    }
}
