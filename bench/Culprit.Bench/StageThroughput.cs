using System.Diagnostics;
using System.Globalization;
using Culprit.Framing;
using Culprit.Ingestion;
using Culprit.Ingestion.Files;
using Culprit.Pipeline;

namespace Culprit.Bench;

/// <summary>Throughput of each stage alone on one thread, to see where an end-to-end run spends its time. Usage: stages FILE</summary>
public static class StageThroughput
{
    public static int Run(string[] args)
    {
        var file = args[0];
        var megabytes = new FileInfo(file).Length / 1048576.0;

        Measure("read lines", megabytes, () =>
        {
            using var reader = new LineReader(LogFiles.Open(file));
            long n = 0;
            while (reader.TryRead(out _))
                n++;
            return n;
        });

        Measure("read + frame", megabytes, () =>
        {
            using var reader = new LineReader(LogFiles.Open(file));
            long n = 0;
            foreach (var _ in new FrameReader().Frame(file, Lines(reader)))
                n++;
            return n;
        });

        Measure("read + frame + parse", megabytes, () =>
        {
            var parser = new Culprit.Parsing.EntryParser();
            using var reader = new LineReader(LogFiles.Open(file));
            long n = 0;
            foreach (var raw in new FrameReader().Frame(file, Lines(reader)))
            {
                parser.Parse(raw);
                n++;
            }

            return n;
        });

        Measure("read + frame + parse + extract", megabytes, () =>
        {
            var stats = new RunStats();
            long n = 0;
            foreach (var _ in LogReader.CreateDefault().Read(file, stats))
                n++;
            return n;
        });
        return 0;
    }

    private static IEnumerable<SourceLine> Lines(LineReader reader)
    {
        while (reader.TryRead(out var line))
            yield return line;
    }

    private static void Measure(string name, double megabytes, Func<long> run)
    {
        var clock = Stopwatch.StartNew();
        var count = run();
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-32} {count,12:N0} items {seconds,7:N2} s {megabytes / seconds,8:N1} MB/s"));
    }
}
