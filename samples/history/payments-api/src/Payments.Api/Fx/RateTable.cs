namespace Payments.Api.Fx;

/// <summary>
/// The day's exchange rates, keyed <c>FROM-TO</c> (for example <c>EUR-CHF</c>), loaded at 06:00 UTC from the
/// treasury feed. Amounts are converted at the rate and rounded to the cent.
/// </summary>
public sealed class RateTable
{
    private const string Pivot = "USD";

    private readonly Dictionary<string, decimal> _rates;

    public RateTable(IReadOnlyDictionary<string, decimal> rates)
    {
        _rates = new Dictionary<string, decimal>(rates, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Converts <paramref name="amount"/> from one currency to another at the day's rate.</summary>
    public decimal Convert(string from, string to, decimal amount)
    {
        if (string.Equals(from, to, StringComparison.OrdinalIgnoreCase))
            return amount;

        if (!_rates.TryGetValue($"{from}-{to}", out var rate))
            rate = CrossRate(from, to);
        return decimal.Round(amount * rate, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>A pair the feed does not quote goes through USD, which the feed quotes against every currency.</summary>
    private decimal CrossRate(string from, string to) =>
        _rates[$"{from}-{Pivot}"] * _rates[$"{Pivot}-{to}"];

    /// <summary>The currency pairs the feed quoted today.</summary>
    public IEnumerable<string> Pairs => _rates.Keys;
}
