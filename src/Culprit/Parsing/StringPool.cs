namespace Culprit.Parsing;

/// <summary>
/// Reuses the strings that repeat on every line (loggers, threads, attribute keys) instead of cutting a new
/// one each time. One pool per thread, bounded: once full, new strings are simply allocated.
/// </summary>
internal sealed class StringPool
{
    private const int MaxEntries = 8192;
    private const int MaxLength = 128;

    [ThreadStatic]
    private static StringPool? _current;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public static StringPool Current => _current ??= new StringPool();

    public string Get(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
            return "";
        if (text.Length > MaxLength)
            return text.ToString();
        if (_lookup.TryGetValue(text, out var known))
            return known;
        var created = text.ToString();
        if (_strings.Count < MaxEntries)
            _strings.Add(created, created);
        return created;
    }
}
