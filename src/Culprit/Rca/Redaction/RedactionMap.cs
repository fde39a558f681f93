using System.Globalization;
using System.Text.RegularExpressions;

namespace Culprit.Rca.Redaction;

/// <summary>
/// The placeholders of one analysis: the same value always gets the same placeholder (<c>&lt;email_1&gt;</c>),
/// so the model can still tell two users apart; <see cref="Restore"/> puts the values back. Thread-safe.
/// </summary>
public sealed partial class RedactionMap
{
    private readonly Dictionary<(string Kind, string Value), string> _placeholders = [];
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>How many distinct values were masked.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
                return _values.Count;
        }
    }

    /// <summary>The masked values, for tests and the local archive's index; never sent anywhere.</summary>
    public IReadOnlyDictionary<string, string> Values
    {
        get
        {
            lock (_gate)
                return new Dictionary<string, string>(_values, StringComparer.Ordinal);
        }
    }

    public string PlaceholderFor(string kind, string value)
    {
        lock (_gate)
        {
            if (_placeholders.TryGetValue((kind, value), out var existing))
                return existing;
            var n = _counts.GetValueOrDefault(kind) + 1;
            _counts[kind] = n;
            var placeholder = string.Create(CultureInfo.InvariantCulture, $"<{kind}_{n}>");
            _placeholders[(kind, value)] = placeholder;
            _values[placeholder] = value;
            return placeholder;
        }
    }

    public static bool IsPlaceholder(string text) => PlaceholderRegex().Match(text) is { Success: true } m && m.Length == text.Length;

    /// <summary>The text with every placeholder of this map replaced by its value; unknown placeholders stay.</summary>
    public string Restore(string text)
    {
        if (text.IndexOf('<', StringComparison.Ordinal) < 0)
            return text;
        lock (_gate)
        {
            if (_values.Count == 0)
                return text;
            return PlaceholderRegex().Replace(text, m => _values.TryGetValue(m.Value, out var value) ? value : m.Value);
        }
    }

    [GeneratedRegex(@"<[a-z]+(?:_[a-z]+)*_[0-9]+>", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderRegex();
}
