using Culprit.Framing;
using Culprit.Parsing;

namespace Culprit.Tests.Support;

/// <summary>Builds framed entries from literal lines, as the framer would.</summary>
public static class RawEntries
{
    public static RawEntry Of(params string[] lines) => From("test.log", lines);

    public static RawEntry From(string source, params string[] lines)
    {
        var raw = new RawEntry(source, 1, 0) { StartsWithHeader = lines.Length > 0 && HeaderDetector.IsEntryStart(lines[0]) };
        raw.Lines.AddRange(lines);
        return raw;
    }
}
