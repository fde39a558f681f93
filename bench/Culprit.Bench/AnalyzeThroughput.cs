using System.Diagnostics;
using System.Globalization;
using Culprit.Pipeline;

namespace Culprit.Bench;

/// <summary>
/// End-to-end throughput of the analyze pipeline on a file: lines/s, MB/s and peak memory (working set).
/// Usage: analyze FILE
/// </summary>
public static class AnalyzeThroughput
{
    public static async Task<int> MainAsync(string[] args)
    {
        if (args.Length < 1 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: analyze FILE   (make one with: generate --size 2GB --out FILE)");
            return 2;
        }

        var stats = new RunStats { Files = 1 };
        var clock = Stopwatch.StartNew();
        var result = await Analyzer.CreateDefault().RunAsync([args[0]], new AnalyzeOptions(), stats);
        clock.Stop();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{stats.Bytes / 1048576.0:N0} MB, {stats.Lines:N0} lines, {stats.Entries:N0} entries, {stats.Exceptions:N0} exceptions, {result.Incidents.Count} incidents in {seconds:N2} s: "
            + $"{stats.Lines / seconds:N0} lines/s, {stats.Bytes / 1048576.0 / seconds:N1} MB/s, peak working set {process.PeakWorkingSet64 / 1048576.0:N0} MB"));
        return 0;
    }
}
