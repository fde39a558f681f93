namespace Culprit.Pipeline;

/// <summary>Counts of one run, reported at its end: what was read, found, partial or skipped.</summary>
public sealed class RunStats
{
    private long _lines;
    private long _bytes;
    private long _entries;
    private long _exceptions;
    private long _partial;
    private long _skipped;

    public long Lines => Interlocked.Read(ref _lines);

    public long Bytes => Interlocked.Read(ref _bytes);

    public long Entries => Interlocked.Read(ref _entries);

    public long Exceptions => Interlocked.Read(ref _exceptions);

    /// <summary>Entries kept with a parse note (cut lines, broken JSON, replaced bytes).</summary>
    public long Partial => Interlocked.Read(ref _partial);

    /// <summary>Lines or entries that could not be kept at all.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    public int Files { get; set; }

    /// <summary>Problems with whole sources (missing files, truncated archives), each a readable sentence.</summary>
    public List<string> Problems { get; } = [];

    public void AddLines(long count, long bytes)
    {
        Interlocked.Add(ref _lines, count);
        Interlocked.Add(ref _bytes, bytes);
    }

    public void AddEntry(int exceptions, bool partial)
    {
        Interlocked.Increment(ref _entries);
        Interlocked.Add(ref _exceptions, exceptions);
        if (partial)
            Interlocked.Increment(ref _partial);
    }

    public void AddSkipped(long count) => Interlocked.Add(ref _skipped, count);

    public void AddProblem(string problem)
    {
        lock (Problems)
            Problems.Add(problem);
    }
}
