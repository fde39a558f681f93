using System.Diagnostics;
using System.Globalization;
using Culprit.Model;
using Culprit.Storage;
using Culprit.Storage.ClickHouse;
using Culprit.Storage.DuckDb;

namespace Culprit.Bench;

/// <summary>
/// Insert rate and query latency of a log store on generated rows.
/// Usage: logstore --rows 10000000 --backend duckdb|clickhouse [--batch 122880] [--path FILE] [--url URL] [--keep]
/// The default batch is what <c>analyze</c> appends (<see cref="Culprit.Pipeline.IngestOptions.BatchEntries"/>).
/// </summary>
public static class LogStoreThroughput
{
    public static async Task<int> MainAsync(string[] args)
    {
        long rows = 1_000_000;
        var batch = new Culprit.Pipeline.IngestOptions().BatchEntries;
        var backend = "duckdb";
        var path = Path.Combine(Path.GetTempPath(), "culprit-bench", "logs.duckdb");
        var url = new Uri("http://127.0.0.1:8123/");
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rows": rows = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--batch": batch = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--backend": backend = args[++i]; break;
                case "--path": path = args[++i]; break;
                case "--url": url = new Uri(args[++i]); break;
                case "--keep": keep = true; break;
                default:
                    Console.Error.WriteLine("usage: logstore --rows N --backend duckdb|clickhouse [--batch N (default 122880)] [--path FILE] [--url URL] [--keep]");
                    return 2;
            }
        }

        using var http = backend == "clickhouse" ? new ClickHouseHttpClient(url) : null;
        ILogStore store;
        if (http is not null)
        {
            await http.ExecuteAsync("DROP DATABASE IF EXISTS culprit_bench");
            store = new ClickHouseLogStore(http, "culprit_bench");
        }
        else
        {
            foreach (var file in new[] { path, path + ".wal" })
            {
                if (File.Exists(file))
                    File.Delete(file);
            }
            store = DuckDbLogStore.Open(path);
        }

        await using (store)
        {
            await store.MigrateAsync();
            await LoadAsync(store, rows, batch);
            if (http is not null)
                await WaitForMergesAsync(http);
            await QueryAsync(store, rows);
        }

        if (http is not null && !keep)
            await http.ExecuteAsync("DROP DATABASE IF EXISTS culprit_bench");
        else if (http is null)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"file: {path}, {new FileInfo(path).Length / 1048576.0:N0} MB"));
        if (http is null && !keep)
            File.Delete(path);
        return 0;
    }

    private static async Task LoadAsync(ILogStore store, long total, int batch)
    {
        var generator = new LogRowGenerator(total);
        var storing = new Stopwatch();
        var wall = Stopwatch.StartNew();
        for (long done = 0; done < total;)
        {
            var rows = generator.Next((int)Math.Min(batch, total - done));
            storing.Start();
            await store.AppendAsync(rows);
            storing.Stop();
            done += rows.Count;
            if (done % 1_000_000 < batch)
                Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r{done:N0} rows, {done / storing.Elapsed.TotalSeconds:N0}/s "));
        }

        Console.Error.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"insert: {total:N0} rows in batches of {batch:N0}: {storing.Elapsed.TotalSeconds:N1} s in AppendAsync = {total / storing.Elapsed.TotalSeconds:N0} entries/s (wall with generation {wall.Elapsed.TotalSeconds:N1} s)"));
        var count = await store.CountAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"count: {count:N0}"));
    }

    private static async Task QueryAsync(ILogStore store, long total)
    {
        var end = LogRowGenerator.Start.AddDays(60);
        var day = new LogQuery { From = end.AddDays(-1), To = end };
        await Measure("timeline, all entries, 1 h buckets", () => store.TimelineAsync(new LogQuery(), TimeSpan.FromHours(1)), r => r.Sum(b => b.Count));
        await Measure("timeline, one service, last day, 1 min", () => store.TimelineAsync(day with { Service = "payments" }, TimeSpan.FromMinutes(1)), r => r.Sum(b => b.Count));
        await Measure("timeline, errors, all, 1 h buckets", () => store.TimelineAsync(new LogQuery { MinLevel = LogLevel.Error }, TimeSpan.FromHours(1)), r => r.Sum(b => b.Count));
        await Measure("search, newest 100", () => store.SearchAsync(new LogQuery()), r => r.Count);
        await Measure("search, 2 words + service, 100", () => store.SearchAsync(new LogQuery { Text = "timeout payment", Service = "checkout" }), r => r.Count);
        await Measure("search, word + errors, last day", () => store.SearchAsync(day with { Text = "refused", MinLevel = LogLevel.Error }), r => r.Count);
        await Measure("heatmap, all", () => store.HeatmapAsync(new LogQuery()), r => r.Count);
        await Measure("heatmap, one service, last day", () => store.HeatmapAsync(day with { Service = "orders" }), r => r.Count);
        await Measure("top incidents, all", () => store.TopIncidentsAsync(new LogQuery { Limit = 20 }), r => r.Count);
        await Measure("trace", () => store.TraceAsync("trace-" + (total / 20).ToString("x12", CultureInfo.InvariantCulture)), r => r.Count);
        await Measure("high-water mark", async () => await store.HighWaterMarkAsync("/var/log/app/checkout-0.log"), r => r);
    }

    private static async Task Measure<T>(string name, Func<Task<T>> run, Func<T, long> size)
    {
        var times = new List<double>();
        long found = 0;
        for (var i = 0; i < 6; i++)
        {
            var clock = Stopwatch.StartNew();
            var result = await run();
            times.Add(clock.Elapsed.TotalMilliseconds);
            found = size(result);
        }

        var warm = times.Skip(1).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-42} first {times[0],8:N1} ms   median {warm[warm.Count / 2],8:N1} ms   min {warm[0],8:N1} ms   ({found:N0})"));
    }

    private static async Task WaitForMergesAsync(ClickHouseHttpClient http)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2) && await http.ScalarAsync("SELECT count() FROM system.merges WHERE database = 'culprit_bench'") > 0)
            await Task.Delay(500);
        var parts = await http.ScalarAsync("SELECT count() FROM system.parts WHERE database = 'culprit_bench' AND table = 'log_entries' AND active");
        var bytes = await http.ScalarAsync("SELECT sum(bytes_on_disk) FROM system.parts WHERE database = 'culprit_bench' AND table = 'log_entries' AND active");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"merges settled after {clock.Elapsed.TotalSeconds:N1} s: {parts} active parts, {bytes / 1048576.0:N0} MB on disk"));
    }
}
