using System.Globalization;
using Culprit.Model;

namespace Culprit.Parsing;

/// <summary>
/// Puts the named fields of one structured record (JSON, logfmt) into a <see cref="LogEntry"/>: a field whose
/// name is an alias of a property fills it when no better-ranked alias did (the one it displaces, and every
/// field that is no alias, becomes an attribute); a level or timestamp that cannot be read stays an attribute.
/// </summary>
internal struct FieldSink
{
    private readonly LogEntry _entry;
    private readonly LogClock? _clock;
    private FieldRanks _ranks;
    private string? _levelText;
    private string? _timeText;

    public FieldSink(LogEntry entry, LogClock? clock)
    {
        _entry = entry;
        _clock = clock;
        ((Span<int>)_ranks).Fill(int.MaxValue);
    }

    /// <summary>True once a message field was taken.</summary>
    public readonly bool HasMessage => _ranks[(int)FieldKind.Message] != int.MaxValue;

    /// <param name="number">The value was a JSON number (a level or epoch timestamp may be numeric).</param>
    public void Add(scoped ReadOnlySpan<char> key, string value, bool number = false)
    {
        var kind = FieldAliases.Classify(key, out var rank);
        if (kind == FieldKind.None || rank >= _ranks[(int)kind] || !Usable(kind, value))
        {
            _entry.Attributes.TryAdd(StringPool.Current.Get(key), value);
            return;
        }

        string? replaced;
        switch (kind)
        {
            case FieldKind.Level:
                var level = long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? LevelNames.FromNumber(n) : LevelNames.Parse(value);
                if (level == LogLevel.Unknown)
                {
                    _entry.Attributes.TryAdd(StringPool.Current.Get(key), value);
                    return;
                }

                _entry.Level = level;
                (replaced, _levelText) = (_levelText, value);
                break;
            case FieldKind.Timestamp:
                if (!TryTimestamp(value, number, out var timestamp))
                {
                    _entry.Attributes.TryAdd(StringPool.Current.Get(key), value);
                    return;
                }

                _entry.Timestamp = timestamp;
                (replaced, _timeText) = (_timeText, value);
                break;
            default:
                replaced = EntryFields.Swap(_entry, kind, value);
                break;
        }

        if (replaced is not null)
            _entry.Attributes.TryAdd(FieldAliases.KeyOf(kind, _ranks[(int)kind]), replaced);
        _ranks[(int)kind] = rank;
    }

    private static bool Usable(FieldKind kind, string value) =>
        kind == FieldKind.Exception ? !string.IsNullOrWhiteSpace(value) : value.Length > 0;

    private readonly bool TryTimestamp(string value, bool number, out DateTimeOffset timestamp)
    {
        if (number)
        {
            timestamp = default;
            return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch) && Timestamps.TryFromEpoch(epoch, out timestamp);
        }

        return TimestampReader.TryReadWhole(value, _clock, out timestamp) || Timestamps.TryParse(value, out timestamp);
    }
}
