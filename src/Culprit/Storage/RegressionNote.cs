using System.Globalization;

namespace Culprit.Storage;

/// <summary>The history note of an automatic resolved → regressed change.</summary>
internal static class RegressionNote
{
    public static string For(DateTimeOffset occurrence) =>
        string.Create(CultureInfo.InvariantCulture, $"occurred again at {occurrence.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} after it was resolved");
}
