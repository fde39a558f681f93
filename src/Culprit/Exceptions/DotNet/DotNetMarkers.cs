namespace Culprit.Exceptions;

internal static class DotNetMarkers
{
    /// <summary>Classifies <paramref name="trimmed"/> (indentation removed). Localised runtimes print the same
    /// <c>--- ... ---</c> shape; an "inner"/"intern..." word tells the inner-exception one apart.</summary>
    public static DotNetMarker Classify(ReadOnlySpan<char> trimmed)
    {
        if (trimmed.StartsWith("--- ", StringComparison.Ordinal))
        {
            var end = trimmed.TrimEnd(" \t");
            if (end.Length < 8 || !end.EndsWith(" ---", StringComparison.Ordinal))
                return DotNetMarker.None;
            return end.Contains("inner", StringComparison.OrdinalIgnoreCase) || end.Contains("intern", StringComparison.OrdinalIgnoreCase)
                ? DotNetMarker.EndOfInner
                : DotNetMarker.Continue;
        }

        return trimmed.StartsWith("Exception rethrown at [", StringComparison.Ordinal) ? DotNetMarker.Continue : DotNetMarker.None;
    }
}
