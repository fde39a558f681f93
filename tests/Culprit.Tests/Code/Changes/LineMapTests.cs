using Culprit.Code;
using Culprit.Code.Changes;
using CsCheck;

namespace Culprit.Tests.Code.Changes;

public sealed class LineMapTests
{
    [Fact]
    public void UnchangedLinesShiftChangedLinesMapToTheirReplacement()
    {
        // Old 3 replaced by new 3-4; two lines inserted after old 5; old 9-10 removed.
        var map = LineMap.From([
            new DiffHunk(3, 1, 3, 2, [3], [3, 4]),
            new DiffHunk(5, 0, 7, 2, [], [7, 8]),
            new DiffHunk(9, 2, 11, 0, [9, 10], []),
        ]);

        Assert.Equal((1, 1), map.Map(1));
        Assert.Equal((3, 4), map.Map(3));
        Assert.Equal((5, 5), map.Map(4));
        Assert.Equal((6, 6), map.Map(5));
        Assert.Equal((9, 9), map.Map(6));
        Assert.Equal((12, 12), map.Map(9));
        Assert.Equal((12, 12), map.Map(10));
        Assert.Equal((12, 12), map.Map(11));
        Assert.Equal([3, 4, 7, 8, 12], map.TouchedNewLines());
    }

    [Fact]
    public void HunksWithContextAreSplitIntoTheirChangeRuns()
    {
        // @@ -10,7 +10,7 @@ with context 10-11, -12 +12, context 13, -14 +14, context 15-16.
        var map = LineMap.From([new DiffHunk(10, 7, 10, 7, [12, 14], [12, 14])]);

        Assert.Equal([new ChangeBlock(12, 1, 12, 1), new ChangeBlock(14, 1, 14, 1)], map.Blocks);
        Assert.Equal((13, 13), map.Map(13));
    }

    [Fact]
    public void TheMapAgreesWithAReplayOfTheEdit()
    {
        // Random edit scripts over old lines (0 keep, 1 remove, 2 replace, 3 insert before): every kept line maps
        // to where its text is in the new file, and the touched lines are exactly the inserted ones plus removal points.
        Gen.Int[0, 3].Array[1, 40].Sample(ops =>
        {
            var result = new List<string>();
            var hunks = new List<DiffHunk>();
            var removed = new List<int>();
            var added = new List<int>();
            var removalPoints = new List<int>();
            var fresh = 0;

            void Close(int nextOld)
            {
                if (removed.Count == 0 && added.Count == 0)
                    return;
                if (added.Count == 0)
                    removalPoints.Add(result.Count + 1);
                hunks.Add(new DiffHunk(
                    removed.Count == 0 ? nextOld - 1 : removed[0], removed.Count,
                    added.Count == 0 ? result.Count : added[0], added.Count, [.. removed], [.. added]));
                removed.Clear();
                added.Clear();
            }

            void Add()
            {
                result.Add($"n{fresh++}");
                added.Add(result.Count);
            }

            for (var line = 1; line <= ops.Length; line++)
            {
                switch (ops[line - 1])
                {
                    case 0:
                        Close(line);
                        result.Add($"o{line}");
                        break;
                    case 1:
                        removed.Add(line);
                        break;
                    case 2:
                        removed.Add(line);
                        Add();
                        if (line % 2 == 0)
                            Add();
                        break;
                    default:
                        Add();
                        Close(line);
                        result.Add($"o{line}");
                        break;
                }
            }

            Close(ops.Length + 1);
            var map = LineMap.From(hunks);
            for (var line = 1; line <= ops.Length; line++)
            {
                var at = result.IndexOf($"o{line}");
                if (at >= 0 && map.Map(line) != (at + 1, at + 1))
                    return false;
            }

            var inserted = Enumerable.Range(1, result.Count).Where(i => result[i - 1][0] == 'n');
            return map.TouchedNewLines().Order().SequenceEqual(inserted.Concat(removalPoints).Order());
        });
    }
}
