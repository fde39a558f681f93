using System.Globalization;

namespace Payments.Api.Fx;

/// <summary>Reads the treasury's daily rate file: one <c>FROM-TO;rate</c> line per quoted pair.</summary>
public static class RateFeed
{
    public static IReadOnlyDictionary<string, decimal> LoadToday(string path)
    {
        var rates = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split(';');
            if (parts.Length == 2 && decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var rate))
                rates[parts[0].Trim()] = rate;
        }
        return rates;
    }
}
