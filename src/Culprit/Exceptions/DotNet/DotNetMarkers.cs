namespace Culprit.Exceptions;

internal static class DotNetMarkers
{
    /// <summary>What SqlException.ToString() (System.Data.SqlClient and Microsoft.Data.SqlClient) appends.</summary>
    private static readonly string[] Trailers =
    [
        "ClientConnectionId:", "Error Number:", "ClientConnectionId before routing:", "Routing Destination:",
    ];

    /// <summary>
    /// Classifies <paramref name="trimmed"/> (indentation removed). The inner-exception separator is also
    /// recognised localised (<c>--- ... ---</c> naming something "inner"/"intern..."); the previous-location
    /// one only in English, so an unrelated <c>--- ... ---</c> line after a trace is not taken into it.
    /// </summary>
    public static DotNetMarker Classify(ReadOnlySpan<char> trimmed)
    {
        if (trimmed.StartsWith("--- ", StringComparison.Ordinal))
        {
            var end = trimmed.TrimEnd(" \t");
            if (end.Length < 8 || !end.EndsWith(" ---", StringComparison.Ordinal))
                return DotNetMarker.None;
            if (end.StartsWith("--- End of stack trace from previous location", StringComparison.Ordinal))
                return DotNetMarker.Continue;
            return end.Contains("inner", StringComparison.OrdinalIgnoreCase) || end.Contains("intern", StringComparison.OrdinalIgnoreCase)
                ? DotNetMarker.EndOfInner
                : DotNetMarker.None;
        }

        if (trimmed.StartsWith("Exception rethrown at [", StringComparison.Ordinal))
            return DotNetMarker.Continue;
        foreach (var trailer in Trailers)
        {
            if (trimmed.StartsWith(trailer, StringComparison.Ordinal))
                return DotNetMarker.Trailer;
        }

        return DotNetMarker.None;
    }
}
