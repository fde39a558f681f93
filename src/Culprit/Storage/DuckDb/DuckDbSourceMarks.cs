namespace Culprit.Storage.DuckDb;

/// <summary>
/// The highest line of each source in a batch. Rows of one source share its string, so sources are told apart
/// by reference first (hashing a path per row cost 7% of an append) and merged by value at the end; past
/// <see cref="MaxReferences"/> distinct strings it compares by value directly.
/// </summary>
internal static class DuckDbSourceMarks
{
    private const int MaxReferences = 64;

    public static Dictionary<string, long> Of(IReadOnlyList<LogRow> rows)
    {
        var byReference = new Dictionary<string, long>(ReferenceEqualityComparer.Instance);
        var byValue = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var marks = byReference.Count < MaxReferences || byReference.ContainsKey(row.Source) ? byReference : byValue;
            Raise(marks, row.Source, row.Line);
        }

        foreach (var (source, line) in byReference)
            Raise(byValue, source, line);
        return byValue;
    }

    private static void Raise(Dictionary<string, long> marks, string source, long line)
    {
        ref var mark = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(marks, source, out var found);
        if (!found || line > mark)
            mark = line;
    }
}
