using System.Globalization;
using System.Text;

namespace Culprit.Bench;

/// <summary>
/// Writes realistic mixed logs: logback-style plain lines, JSON lines and Python logging lines from several
/// services, with about 5% of all lines belonging to stack traces (Java, .NET, Python, Node).
/// Usage: generate --size 2GB --out FILE [--seed N]
/// </summary>
public static class LogGenerator
{
    public static int Run(string[] args)
    {
        long size = 100L << 20;
        string? output = null;
        var seed = 1;
        for (var i = 0; i < args.Length - 1; i += 2)
        {
            switch (args[i])
            {
                case "--size": size = ParseSize(args[i + 1]); break;
                case "--out": output = args[i + 1]; break;
                case "--seed": seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
            }
        }

        if (output is null)
        {
            Console.Error.WriteLine("usage: generate --size 2GB --out FILE [--seed N]");
            return 2;
        }

        var (lines, traceLines) = Write(output, size, seed);
        Console.WriteLine($"wrote {new FileInfo(output).Length:N0} bytes, {lines:N0} lines ({100.0 * traceLines / lines:N1}% in traces) to {output}");
        return 0;
    }

    public static long ParseSize(string text)
    {
        var t = text.Trim().ToUpperInvariant();
        long unit = 1;
        if (t.EndsWith("GB", StringComparison.Ordinal)) { unit = 1L << 30; t = t[..^2]; }
        else if (t.EndsWith("MB", StringComparison.Ordinal)) { unit = 1L << 20; t = t[..^2]; }
        else if (t.EndsWith("KB", StringComparison.Ordinal)) { unit = 1L << 10; t = t[..^2]; }
        return (long)(double.Parse(t, CultureInfo.InvariantCulture) * unit);
    }

    private static readonly string[] Services = ["checkout", "payments", "catalog", "search", "auth"];
    private static readonly string[] Loggers = ["c.s.api.OrderController", "c.s.service.PricingService", "c.s.repo.OrderRepository", "c.s.client.StockClient", "c.s.jobs.Reindexer"];
    private static readonly string[] Info =
    [
        "request completed path=/api/orders/{0} status=200 took={1}ms",
        "cache hit key=product:{0} ttl={1}s",
        "user {0} logged in from 10.0.{1}.7",
        "scheduled job reindex finished batch={0} docs={1}",
        "published event OrderPlaced id={0} partition={1}",
    ];

    public static (long Lines, long TraceLines) Write(string path, long size, int seed)
    {
        var random = new Random(seed);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 20);
        var at = new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc);
        long lines = 0, traceLines = 0;
        while (stream.Position < size)
        {
            for (var k = 0; k < 256; k++)
            {
                at = at.AddMilliseconds(random.Next(1, 40));
                var roll = random.Next(1000);
                var service = Services[random.Next(Services.Length)];
                if (roll < 9)
                {
                    var trace = Traces.Pick(random);
                    w.Write(at.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture));
                    w.Write(" ERROR [exec-");
                    w.Write(random.Next(1, 50));
                    w.Write("] ");
                    w.Write(Loggers[random.Next(Loggers.Length)]);
                    w.Write(" - request failed order=");
                    w.Write(random.Next(100000, 999999));
                    w.Write('\n');
                    w.Write(trace);
                    var count = 1 + trace.Count(c => c == '\n');
                    lines += count;
                    traceLines += count - 1;
                }
                else if (roll < 300)
                {
                    w.Write("{\"@timestamp\":\"");
                    w.Write(at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                    w.Write("\",\"level\":\"");
                    w.Write(roll < 20 ? "ERROR" : roll < 60 ? "WARN" : "INFO");
                    w.Write("\",\"service\":\"");
                    w.Write(service);
                    w.Write("\",\"trace_id\":\"");
                    w.Write(random.NextInt64().ToString("x16", CultureInfo.InvariantCulture));
                    w.Write("\",\"message\":\"");
                    w.Write(roll < 20 ? "payment provider timeout after " + random.Next(3000, 9000) + " ms" : string.Format(CultureInfo.InvariantCulture, Info[random.Next(Info.Length)], random.Next(100000), random.Next(1000)));
                    w.Write("\"}\n");
                    lines++;
                }
                else
                {
                    w.Write(at.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture));
                    w.Write(roll < 330 ? " WARN  [exec-" : " INFO  [exec-");
                    w.Write(random.Next(1, 50));
                    w.Write("] ");
                    w.Write(Loggers[random.Next(Loggers.Length)]);
                    w.Write(" - ");
                    w.Write(string.Format(CultureInfo.InvariantCulture, Info[random.Next(Info.Length)], random.Next(100000), random.Next(1000)));
                    w.Write('\n');
                    lines++;
                }
            }
        }

        return (lines, traceLines);
    }
}
