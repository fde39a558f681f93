using Culprit.Framing;
using Culprit.Model;

namespace Culprit.Parsing;

/// <summary>Plain-text entries: a leading timestamp and level, then the message.</summary>
public static class PlainEntryParser
{
    public static void Parse(RawEntry raw, LogEntry entry)
    {
        var first = raw.Lines[0];
        entry.Format = raw.StartsWithHeader ? "plain" : "unstructured";
        entry.Level = FindLevel(first);
        entry.Message = raw.Lines.Count == 1 ? first : string.Join('\n', raw.Lines);
    }

    private static LogLevel FindLevel(string line)
    {
        var span = line.AsSpan(0, Math.Min(line.Length, 120));
        var i = 0;
        while (i < span.Length)
        {
            if (!char.IsAsciiLetter(span[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < span.Length && char.IsAsciiLetter(span[i]))
                i++;
            var word = span[start..i];
            if (word.Length >= 4 && word.Length <= 8 && IsUpperOrMel(word))
            {
                var level = LevelNames.Parse(word);
                if (level != LogLevel.Unknown)
                    return level;
            }
        }

        return LogLevel.Unknown;
    }

    private static bool IsUpperOrMel(ReadOnlySpan<char> word) =>
        !word.ContainsAnyInRange('a', 'z') || word is "fail" or "crit" or "warn" or "info" or "dbug" or "trce";
}
