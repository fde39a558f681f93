namespace Culprit.Exceptions;

/// <summary>Small readers for the text Node's util.inspect prints around errors.</summary>
internal static class InspectText
{
    /// <summary>Opening minus closing braces, ignoring those inside quoted strings.</summary>
    public static int BraceBalance(ReadOnlySpan<char> text)
    {
        var balance = 0;
        var quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == '\\')
                    i++;
                else if (c == quote)
                    quote = '\0';
                continue;
            }

            if (c is '\'' or '"' or '`')
                quote = c;
            else if (c == '{')
                balance++;
            else if (c == '}')
                balance--;
        }

        return balance;
    }

    public static int Indent(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] is ' ' or '\t')
            i++;
        return i;
    }

    public static bool IsBlank(string line) => line.AsSpan().IsWhiteSpace();
}
