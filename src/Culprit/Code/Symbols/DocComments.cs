using System.Text;

namespace Culprit.Code.Symbols;

/// <summary>Reads a declaration's doc comment: a <c>/** */</c> block or a run of line comments above it, or a Python docstring.</summary>
internal static class DocComments
{
    private const int MaxDocLines = 60;

    /// <summary>The comment right above <paramref name="firstLine"/> (no blank line between), cleaned, or null.</summary>
    public static string? Above(MaskedSource source, int firstLine)
    {
        var rules = source.Rules;
        var line = firstLine - 1;
        if (line < 1)
            return null;
        var last = source.TextLine(line).Trim();
        if (rules.JavadocStyle && last.EndsWith("*/", StringComparison.Ordinal))
        {
            for (var open = line; open >= 1 && open > line - MaxDocLines; open--)
            {
                var text = source.TextLine(open).TrimStart();
                if (text.StartsWith("/**", StringComparison.Ordinal))
                    return Clean(source, open, line, javadoc: true);
                if (text.StartsWith("/*", StringComparison.Ordinal))
                    return null;
            }

            return null;
        }

        var prefix = rules.LineDocPrefix;
        if (prefix is null || !last.StartsWith(prefix, StringComparison.Ordinal))
            return null;
        var first = line;
        while (first > 1 && first > line - MaxDocLines && source.TextLine(first - 1).TrimStart().StartsWith(prefix, StringComparison.Ordinal))
            first--;
        return Clean(source, first, line, javadoc: false);
    }

    /// <summary>A Python docstring: the first statement of the body when it is a string literal.</summary>
    public static string? Docstring(MaskedSource source, int bodyStart)
    {
        var text = source.Text;
        var i = bodyStart;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
            i++;
        while (i < text.Length && text[i] is 'r' or 'R' or 'u' or 'U')
            i++;
        if (i >= text.Length || text[i] is not ('"' or '\''))
            return null;
        var quote = text[i];
        var triple = i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote;
        var delimiter = triple ? new string(quote, 3) : quote.ToString();
        var start = i + delimiter.Length;
        var end = text.IndexOf(delimiter, start, StringComparison.Ordinal);
        if (end < 0)
            return null;
        return Dedent(text.AsSpan(start, end - start));
    }

    private static string? Clean(MaskedSource source, int first, int last, bool javadoc)
    {
        var builder = new StringBuilder();
        for (var line = first; line <= last; line++)
        {
            var text = source.TextLine(line).Trim();
            if (javadoc)
            {
                if (text.StartsWith("/**", StringComparison.Ordinal))
                    text = text[3..];
                if (text.EndsWith("*/", StringComparison.Ordinal))
                    text = text[..^2];
                text = text.Trim();
                if (text.StartsWith('*'))
                    text = text[1..].Trim();
                if (text.StartsWith('@'))
                    break;
            }
            else
            {
                text = text.TrimStart(source.Rules.LineDocPrefix).Trim();
            }

            if (text.Length == 0)
                continue;
            if (builder.Length > 0)
                builder.Append('\n');
            AppendWithoutInlineTags(builder, text);
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    /// <summary>Writes the text with <c>{@link X}</c> / <c>{@code X}</c> reduced to X.</summary>
    private static void AppendWithoutInlineTags(StringBuilder builder, ReadOnlySpan<char> text)
    {
        while (true)
        {
            var at = text.IndexOf("{@", StringComparison.Ordinal);
            var close = at < 0 ? -1 : text[at..].IndexOf('}');
            if (close < 0)
            {
                builder.Append(text);
                return;
            }

            builder.Append(text[..at]);
            var inner = text[(at + 2)..(at + close)];
            var space = inner.IndexOf(' ');
            builder.Append(space < 0 ? [] : inner[(space + 1)..].Trim());
            text = text[(at + close + 1)..];
        }
    }

    private static string? Dedent(ReadOnlySpan<char> doc)
    {
        var builder = new StringBuilder();
        foreach (var range in doc.Split('\n'))
        {
            var line = doc[range].Trim();
            if (line.Length == 0)
                continue;
            if (builder.Length > 0)
                builder.Append('\n');
            builder.Append(line);
        }

        return builder.Length == 0 ? null : builder.ToString();
    }
}
