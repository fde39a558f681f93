using Culprit.Model;

namespace Culprit.Parsing;

/// <summary>
/// Finds <c>key=value</c> and <c>key="quoted value"</c> pairs in a plain message and adds them to the entry
/// (<see cref="FieldAliases.AddFromText"/>). A key must stand at a word boundary, so URLs' query strings and
/// <c>a==b</c> are left alone. Costs one vectorised search when the text has no <c>=</c>.
/// </summary>
internal static class KeyValueScanner
{
    private const int MaxPairs = 32;
    private const int MaxKeyLength = 64;
    private const int MaxValueLength = 1024;

    public static void Scan(ReadOnlySpan<char> text, LogEntry entry)
    {
        var pairs = 0;
        var from = 0;
        while (pairs < MaxPairs && from < text.Length)
        {
            var eq = text[from..].IndexOf('=');
            if (eq < 0)
                return;
            eq += from;
            from = eq + 1;
            var keyStart = eq;
            while (keyStart > 0 && eq - keyStart < MaxKeyLength && IsKeyChar(text[keyStart - 1]))
                keyStart--;
            if (keyStart == eq || !IsKeyStart(text[keyStart]) || (keyStart > 0 && !IsBoundary(text[keyStart - 1])))
                continue;
            if (eq + 1 >= text.Length || text[eq + 1] is '=' or ' ' or '\t')
                continue;
            string value;
            if (text[eq + 1] == '"')
            {
                value = QuotedText.Read(text, eq + 1, out from);
            }
            else
            {
                var end = eq + 1;
                while (end < text.Length && text[end] is not (' ' or '\t'))
                    end++;
                from = end;
                while (end > eq + 1 && text[end - 1] is ',' or ';' or '.' or ')' or ']' or '}' or '\'' or '"')
                    end--;
                if (end == eq + 1)
                    continue;
                value = text[(eq + 1)..end].ToString();
            }

            if (value.Length is 0 or > MaxValueLength)
                continue;
            FieldAliases.AddFromText(entry, StringPool.Current.Get(text[keyStart..eq]), value);
            pairs++;
        }
    }

    private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '@';

    private static bool IsKeyStart(char c) => char.IsAsciiLetter(c) || c is '_' or '@';

    private static bool IsBoundary(char c) => c is ' ' or '\t' or ',' or ';' or '(' or '[' or '{' or '|';
}
