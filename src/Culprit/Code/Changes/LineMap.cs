namespace Culprit.Code.Changes;

/// <summary>
/// Maps lines of a file's old side to its new side through a diff's hunks. Hunks may carry context lines: the change
/// runs inside them are rebuilt from their removed and added line numbers.
/// </summary>
internal sealed class LineMap
{
    private readonly List<ChangeBlock> _blocks;

    private LineMap(List<ChangeBlock> blocks) => _blocks = blocks;

    public static LineMap Identity { get; } = new([]);

    public IReadOnlyList<ChangeBlock> Blocks => _blocks;

    public static LineMap From(IReadOnlyList<DiffHunk> hunks)
    {
        var blocks = new List<ChangeBlock>();
        foreach (var hunk in hunks)
            AddBlocks(hunk, blocks);
        blocks.Sort((a, b) => a.OldStart.CompareTo(b.OldStart));
        return new LineMap(blocks);
    }

    /// <summary>
    /// Where old line <paramref name="line"/> is on the new side: itself shifted when unchanged, else the lines that
    /// replaced it — or, when it was removed without replacement, the line now following it.
    /// </summary>
    public (int First, int Last) Map(int line)
    {
        var shift = 0;
        foreach (var block in _blocks)
        {
            if (block.OldCount > 0 && line >= block.OldStart && line < block.OldStart + block.OldCount)
            {
                return block.NewCount > 0
                    ? (block.NewStart, block.NewStart + block.NewCount - 1)
                    : (block.NewStart, block.NewStart);
            }

            if (block.OldStart + block.OldCount <= line)
                shift = block.NewStart + block.NewCount - (block.OldStart + block.OldCount);
            else
                break;
        }

        return (line + shift, line + shift);
    }

    /// <summary>The new-side lines a change touched: added lines, and for a removal the line now following it.</summary>
    public IEnumerable<int> TouchedNewLines()
    {
        foreach (var block in _blocks)
        {
            if (block.NewCount == 0)
            {
                yield return block.NewStart;
                continue;
            }

            for (var line = block.NewStart; line < block.NewStart + block.NewCount; line++)
                yield return line;
        }
    }

    private static void AddBlocks(DiffHunk hunk, List<ChangeBlock> blocks)
    {
        var removed = new HashSet<int>(hunk.RemovedLines);
        var added = new HashSet<int>(hunk.AddedLines);
        // A header's start with a count of 0 names the line before the change (as git writes it).
        var oldLine = hunk.OldCount == 0 ? hunk.OldStart + 1 : hunk.OldStart;
        var newLine = hunk.NewCount == 0 ? hunk.NewStart + 1 : hunk.NewStart;
        var oldEnd = oldLine + hunk.OldCount;
        var newEnd = newLine + hunk.NewCount;
        while (oldLine < oldEnd || newLine < newEnd)
        {
            int oldStart = oldLine, newStart = newLine;
            while (removed.Contains(oldLine))
                oldLine++;
            while (added.Contains(newLine))
                newLine++;
            if (oldLine == oldStart && newLine == newStart)
            {
                oldLine++;
                newLine++;
                continue;
            }

            blocks.Add(new ChangeBlock(oldStart, oldLine - oldStart, newStart, newLine - newStart));
        }
    }
}
