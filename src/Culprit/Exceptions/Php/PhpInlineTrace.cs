namespace Culprit.Exceptions;

/// <summary>
/// Monolog records written on one line (Symfony, Laravel without inline line breaks) hold the exception in a JSON
/// string of the context, with its line breaks escaped as <c>\n</c>: this cuts that string into the lines PHP printed.
/// </summary>
internal static class PhpInlineTrace
{
    private const string MonologObject = "[object] (";

    /// <summary>The exception's lines when <paramref name="line"/> holds an escaped multi-line <c>[object] (...)</c> value.</summary>
    public static bool TrySplit(string line, out TraceLines inner)
    {
        inner = null!;
        var at = line.IndexOf(MonologObject, StringComparison.Ordinal);
        if (at < 0)
            return false;

        var text = line.AsSpan(at);
        var parts = new List<string>();
        var partStart = 0;
        var end = text.Length;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                // The first unescaped quote closes the JSON string.
                end = i;
                break;
            }

            if (c != '\\' || i + 1 >= text.Length)
                continue;
            if (text[i + 1] == 'n')
            {
                parts.Add(text[partStart..i].ToString());
                partStart = i + 2;
            }

            i++;
        }

        if (parts.Count == 0)
            return false;
        parts.Add(text[partStart..Math.Max(partStart, end)].ToString());
        inner = new TraceLines([.. parts], 1);
        return true;
    }
}
