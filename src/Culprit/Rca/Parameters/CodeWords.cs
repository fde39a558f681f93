namespace Culprit.Rca.Parameters;

/// <summary>Identifiers of a code text and the lower-case words of an identifier (<c>getShippingAddress</c> → get, shipping, address).</summary>
public static class CodeWords
{
    public static IEnumerable<string> Identifiers(string code)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < code.Length)
        {
            if (char.IsLetter(code[i]) || code[i] == '_')
            {
                var start = i;
                while (i < code.Length && (char.IsLetterOrDigit(code[i]) || code[i] == '_'))
                    i++;
                var word = code[start..i];
                if (seen.Add(word))
                    yield return word;
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>Splits camelCase, PascalCase, snake_case and kebab-case into lower-case words.</summary>
    public static List<string> Split(string identifier)
    {
        var words = new List<string>();
        var start = 0;
        for (var i = 1; i <= identifier.Length; i++)
        {
            var boundary = i == identifier.Length
                || identifier[i] is '_' or '-' or '.' or '/' or ' '
                || char.IsUpper(identifier[i]) && (char.IsLower(identifier[i - 1]) || i + 1 < identifier.Length && char.IsLower(identifier[i + 1]) && char.IsUpper(identifier[i - 1]))
                || char.IsDigit(identifier[i]) != char.IsDigit(identifier[i - 1]);
            if (!boundary)
                continue;
            var word = identifier[start..i].Trim('_', '-', '.', '/', ' ');
            if (word.Length > 0)
                words.Add(word.ToLowerInvariant());
            start = i;
        }
        return words;
    }
}
