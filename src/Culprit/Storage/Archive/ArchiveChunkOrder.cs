namespace Culprit.Storage.Archive;

/// <summary>The listing order of every archive: source (ordinal), then first line, last line, start time and key.</summary>
internal sealed class ArchiveChunkOrder : IComparer<ArchiveChunk>
{
    public static ArchiveChunkOrder Instance { get; } = new();

    public int Compare(ArchiveChunk? x, ArchiveChunk? y)
    {
        if (ReferenceEquals(x, y))
            return 0;
        if (x is null)
            return -1;
        if (y is null)
            return 1;
        var order = string.CompareOrdinal(x.Source, y.Source);
        if (order == 0)
            order = x.FirstLine.CompareTo(y.FirstLine);
        if (order == 0)
            order = x.LastLine.CompareTo(y.LastLine);
        if (order == 0)
            order = Nullable.Compare(x.From, y.From);
        return order != 0 ? order : string.CompareOrdinal(x.Key, y.Key);
    }
}
