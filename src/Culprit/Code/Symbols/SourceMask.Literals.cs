namespace Culprit.Code.Symbols;

/// <summary>The literals whose ends need more than a closing quote: PHP heredocs and JS/TS/Ruby regexes.</summary>
internal sealed partial class SourceMask
{
    private int Heredoc(int i)
    {
        var text = _text;
        var p = i + 3;
        while (p < text.Length && text[p] is ' ' or '"' or '\'')
            p++;
        var idStart = p;
        while (p < text.Length && (char.IsLetterOrDigit(text[p]) || text[p] == '_'))
            p++;
        if (p == idStart)
        {
            _lastSig = '<';
            return i + 3;
        }

        var id = text[idStart..p];
        var line = text.IndexOf('\n', p);
        while (line >= 0)
        {
            var q = line + 1;
            while (q < text.Length && text[q] is ' ' or '\t')
                q++;
            if (string.CompareOrdinal(text, q, id, 0, id.Length) == 0
                && (q + id.Length >= text.Length || !(char.IsLetterOrDigit(text[q + id.Length]) || text[q + id.Length] == '_')))
            {
                Blank(i, q + id.Length);
                _lastSig = 'a';
                return q + id.Length;
            }

            line = text.IndexOf('\n', q);
        }

        Unterminated = true;
        Blank(i, text.Length);
        return text.Length;
    }

    private bool RegexAllowed()
    {
        var c = _lastSig;
        if (c == '\n')
            return true;
        if (char.IsLetterOrDigit(c) || c is '_' or '$')
        {
            if (_lastSigAt < 0)
                return false;
            var end = _lastSigAt + 1;
            var begin = _lastSigAt;
            while (begin > 0 && (char.IsLetterOrDigit(_text[begin - 1]) || _text[begin - 1] is '_' or '$'))
                begin--;
            return RegexAfterWords.Contains(_text[begin..end]);
        }

        return c is not (')' or ']' or '}');
    }

    private int Regex(int i)
    {
        var text = _text;
        var start = i;
        i++;
        var inClass = false;
        while (i < text.Length && text[i] != '\n')
        {
            var c = text[i];
            if (c == '\\')
                i += 2;
            else if (c == '[')
            {
                inClass = true;
                i++;
            }
            else if (c == ']')
            {
                inClass = false;
                i++;
            }
            else if (c == '/' && !inClass)
            {
                i++;
                while (i < text.Length && char.IsLetter(text[i]))
                    i++;
                Blank(start, i);
                _lastSig = 'a';
                _lastSigAt = -1;
                return i;
            }
            else
                i++;
        }

        // Not a regex after all (a division at a line end): leave the slash as code.
        _lastSig = '/';
        _lastSigAt = start;
        return start + 1;
    }
}
