using System.Globalization;

namespace Culprit.Code.Git;

/// <summary>
/// Reads the hunks of one file's unified patch text: each <c>@@ -a,b +c,d @@</c> header, then exactly b old-side and
/// d new-side lines (' ' both, '-' old, '+' new; '\' notes count for neither), so content that looks like a header is never mistaken for one.
/// </summary>
internal static class PatchHunks
{
    public static IReadOnlyList<DiffHunk> Parse(string patch)
    {
        var hunks = new List<DiffHunk>();
        var lines = patch.Split('\n');
        var i = 0;
        while (i < lines.Length)
        {
            if (!TryHeader(lines[i++], out var oldStart, out var oldCount, out var newStart, out var newCount))
                continue;

            var removed = new List<int>();
            var added = new List<int>();
            int oldLine = oldStart, newLine = newStart, oldLeft = oldCount, newLeft = newCount;
            while ((oldLeft > 0 || newLeft > 0) && i < lines.Length)
            {
                var line = lines[i++];
                var mark = line.Length == 0 ? ' ' : line[0];
                switch (mark)
                {
                    case '-':
                        removed.Add(oldLine++);
                        oldLeft--;
                        break;
                    case '+':
                        added.Add(newLine++);
                        newLeft--;
                        break;
                    case '\\':
                        break;
                    default:
                        oldLine++;
                        newLine++;
                        oldLeft--;
                        newLeft--;
                        break;
                }
            }

            hunks.Add(new DiffHunk(oldStart, oldCount, newStart, newCount, removed, added));
        }

        return hunks;
    }

    /// <summary>Parses <c>@@ -12,3 +12,0 @@ context</c>; a missing count means 1.</summary>
    internal static bool TryHeader(string line, out int oldStart, out int oldCount, out int newStart, out int newCount)
    {
        oldStart = oldCount = newStart = newCount = 0;
        if (!line.StartsWith("@@ -", StringComparison.Ordinal))
            return false;
        var end = line.IndexOf(" @@", 4, StringComparison.Ordinal);
        if (end < 0)
            return false;
        var ranges = line.AsSpan(4, end - 4);
        var space = ranges.IndexOf(" +", StringComparison.Ordinal);
        return space > 0
            && TryRange(ranges[..space], out oldStart, out oldCount)
            && TryRange(ranges[(space + 2)..], out newStart, out newCount);
    }

    private static bool TryRange(ReadOnlySpan<char> text, out int start, out int count)
    {
        count = 1;
        var comma = text.IndexOf(',');
        if (comma < 0)
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out start);
        return int.TryParse(text[..comma], NumberStyles.None, CultureInfo.InvariantCulture, out start)
            && int.TryParse(text[(comma + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out count);
    }
}
