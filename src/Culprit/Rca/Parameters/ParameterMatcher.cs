namespace Culprit.Rca.Parameters;

/// <summary>
/// Matches extracted values to the names the candidate functions use (parameters first, then identifiers in the
/// code), comparing names with case, '_' and '-' ignored (<c>user_id</c> = <c>userId</c>), then by a shared word
/// (<c>Minutes</c> ~ <c>minutesOffset</c>).
/// </summary>
public static class ParameterMatcher
{
    public static IReadOnlyList<ExtractedParameter> Match(IReadOnlyList<ExtractedParameter> parameters, IReadOnlyList<RcaCandidate> candidates)
    {
        var result = new List<ExtractedParameter>(parameters.Count);
        foreach (var parameter in parameters)
            result.Add(MatchOne(parameter, candidates) ?? parameter);
        return result;
    }

    /// <summary>Names the extractor gives values it read from the message: they say what a value is, not which variable holds it.</summary>
    private static readonly HashSet<string> Descriptive = new(StringComparer.Ordinal) { "key", "index", "value_type", "attribute", "property" };

    private static ExtractedParameter? MatchOne(ExtractedParameter parameter, IReadOnlyList<RcaCandidate> candidates)
    {
        if (parameter.Source == "message" && (Descriptive.Contains(parameter.Name) || parameter.Name.StartsWith("quoted_", StringComparison.Ordinal)))
            return null;
        var key = Normalize(parameter.Name);
        foreach (var exactOnly in (ReadOnlySpan<bool>)[true, false])
        {
            foreach (var candidate in candidates)
            {
                foreach (var name in candidate.ParameterNames)
                {
                    if (Same(key, name, exactOnly))
                        return parameter with { MatchedName = name, MatchedSymbol = candidate.Symbol };
                }
            }
        }
        foreach (var candidate in candidates)
        {
            foreach (var identifier in CodeWords.Identifiers(candidate.Code))
            {
                if (Same(key, identifier, exactOnly: true))
                    return parameter with { MatchedName = identifier, MatchedSymbol = candidate.Symbol };
            }
        }
        return null;
    }

    private static bool Same(string normalizedKey, string name, bool exactOnly)
    {
        var other = Normalize(name);
        if (other == normalizedKey)
            return true;
        if (exactOnly || normalizedKey.Length < 4)
            return false;
        foreach (var word in CodeWords.Split(name))
        {
            if (word.Length >= 4 && word == normalizedKey)
                return true;
        }
        return false;
    }

    public static string Normalize(string name)
    {
        Span<char> buffer = stackalloc char[Math.Min(name.Length, 128)];
        var n = 0;
        foreach (var c in name.AsSpan(0, buffer.Length))
        {
            if (c is '_' or '-' or '.' or '$')
                continue;
            buffer[n++] = char.ToLowerInvariant(c);
        }
        return new string(buffer[..n]);
    }
}
