using System.Buffers;

namespace Culprit.Parsing.Templates;

/// <summary>
/// Character classes of the tokenizer, built once from the configured delimiters: a table for ASCII, the
/// <see cref="char"/> methods beyond it. Digits are ASCII digits only, everywhere.
/// </summary>
internal sealed class TemplateChars
{
    /// <summary>Characters that may sit inside a word besides letters and digits.</summary>
    public const string WordPunctuation = "_.-$*!?&%+~\\";

    private const byte Space = 1;
    private const byte Delimiter = 2;
    private const byte OpenBoundary = 4;
    private const byte WordChar = 8;

    private readonly byte[] _ascii = new byte[128];
    private readonly SearchValues<char> _delimiters;

    public TemplateChars(string delimiters)
    {
        _delimiters = SearchValues.Create(delimiters);
        for (var c = 0; c < 128; c++)
        {
            var ch = (char)c;
            byte flags = 0;
            if (char.IsWhiteSpace(ch))
                flags |= Space;
            else if (delimiters.Contains(ch, StringComparison.Ordinal))
                flags |= ch is ')' or ']' or '}' or '>' ? Delimiter : (byte)(Delimiter | OpenBoundary);
            else if (char.IsAsciiLetterOrDigit(ch) || WordPunctuation.Contains(ch, StringComparison.Ordinal))
                flags |= WordChar;
            _ascii[c] = flags;
        }
    }

    public bool IsSpace(char c) => c < 128 ? (_ascii[c] & Space) != 0 : char.IsWhiteSpace(c);

    public bool IsDelimiter(char c) => c < 128 ? (_ascii[c] & Delimiter) != 0 : _delimiters.Contains(c);

    /// <summary>A delimiter after which a variable may start (every delimiter but a closing bracket).</summary>
    public bool IsOpenBoundary(char c) => c < 128 ? (_ascii[c] & OpenBoundary) != 0 : _delimiters.Contains(c);

    public bool IsWord(char c) => c < 128 ? (_ascii[c] & WordChar) != 0 : char.IsLetterOrDigit(c) && !_delimiters.Contains(c);

    public static bool IsDigit(char c) => char.IsAsciiDigit(c);

    /// <summary>True when a token ending at <paramref name="j"/> ends there: the end of the text, whitespace, a
    /// delimiter, or trailing <c>.!?,;</c> followed by one of those.</summary>
    public bool AtEnd(ReadOnlySpan<char> s, int j)
    {
        while (true)
        {
            if (j >= s.Length || IsSpace(s[j]) || IsDelimiter(s[j]))
                return true;
            if (s[j] is '.' or '!' or '?' or ',' or ';')
            {
                j++;
                continue;
            }

            return false;
        }
    }

    /// <summary>True when a variable may start at <paramref name="i"/>: at the start, after whitespace or after an opening delimiter.</summary>
    public bool BoundBefore(ReadOnlySpan<char> s, int i) => i == 0 || IsSpace(s[i - 1]) || IsOpenBoundary(s[i - 1]);

    /// <summary>Drops trailing sentence punctuation (<c>.!?,;:-</c>) from a token ending at <paramref name="j"/>.</summary>
    public static int TrimTrailing(ReadOnlySpan<char> s, int i, int j)
    {
        while (j > i && s[j - 1] is '.' or '!' or '?' or ',' or ';' or ':' or '-')
            j--;
        return j;
    }
}
