using System.Buffers;
using System.Text;

namespace Culprit.Storage.DuckDb;

/// <summary>
/// DuckDB keeps NUL characters in strings, but DuckDB.NET's appender and parameter binding pass strings
/// NUL-terminated and would cut them there. Text is therefore stored with NUL written as U+F8FF '0' and
/// U+F8FF (a private-use character) as U+F8FF U+F8FF, and read back exactly; text without either is untouched.
/// </summary>
internal static class DuckDbText
{
    private const char Escape = '\uF8FF';

    private static readonly SearchValues<char> Special = SearchValues.Create("\0\uF8FF");

    public static string? Encode(string? text)
    {
        if (text is null)
            return null;
        var first = text.AsSpan().IndexOfAny(Special);
        if (first < 0)
            return text;
        var builder = new StringBuilder(text.Length + 8).Append(text.AsSpan(0, first));
        foreach (var c in text.AsSpan(first))
        {
            if (c == '\0')
                builder.Append(Escape).Append('0');
            else if (c == Escape)
                builder.Append(Escape).Append(Escape);
            else
                builder.Append(c);
        }

        return builder.ToString();
    }

    public static string Decode(string text)
    {
        var first = text.IndexOf(Escape, StringComparison.Ordinal);
        if (first < 0)
            return text;
        var builder = new StringBuilder(text.Length).Append(text.AsSpan(0, first));
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (c == Escape && i + 1 < text.Length)
                builder.Append(text[++i] == '0' ? '\0' : text[i]);
            else
                builder.Append(c);
        }

        return builder.ToString();
    }

    public static IReadOnlyList<string> Encode(IReadOnlyList<string> list)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].AsSpan().IndexOfAny(Special) >= 0)
                return [.. list.Select(s => Encode(s)!)];
        }

        return list;
    }
}
