using BenchmarkDotNet.Attributes;
using Culprit.Framing;
using Culprit.Grouping;
using Culprit.Ingestion;
using Culprit.Model;
using Culprit.Pipeline;

namespace Culprit.Bench;

/// <summary>Per-stage costs on 8 MB of generated mixed logs held in memory (no disk in the measurement).</summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private byte[] _bytes = [];
    private List<RawEntry> _entries = [];
    private List<LogEntry> _errors = [];

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(Path.GetTempPath(), "culprit-bench-8mb.log");
        LogGenerator.Write(path, 8L << 20, seed: 3);
        _bytes = File.ReadAllBytes(path);
        _entries = [.. new FrameReader().Frame("bench", Lines())];
        var processor = EntryProcessor.CreateDefault();
        _errors = [.. _entries.Select(processor.Process).Where(e => e.Exceptions.Count > 0 || e.Level >= LogLevel.Error)];
    }

    private IEnumerable<SourceLine> Lines()
    {
        using var reader = new LineReader(new MemoryStream(_bytes));
        while (reader.TryRead(out var line))
            yield return line;
    }

    [Benchmark]
    public long ReadLines()
    {
        long n = 0;
        foreach (var _ in Lines())
            n++;
        return n;
    }

    [Benchmark]
    public long Frame()
    {
        long n = 0;
        foreach (var _ in new FrameReader().Frame("bench", Lines()))
            n++;
        return n;
    }

    [Benchmark]
    public long ParseAndExtract()
    {
        var processor = EntryProcessor.CreateDefault();
        long n = 0;
        foreach (var raw in _entries)
            n += processor.Process(raw).Exceptions.Count;
        return n;
    }

    [Benchmark]
    public int Group()
    {
        var grouper = new IncidentGrouper(new FingerprinterV1(), new GroupingOptions());
        foreach (var entry in _errors)
            grouper.Add(entry);
        return grouper.Incidents.Count;
    }

}
