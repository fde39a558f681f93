using System.Globalization;
using System.Text;

namespace Culprit.IntegrationTests.Support;

/// <summary>Writes deterministic logs with repeated incidents for storage tests.</summary>
public static class SampleLogs
{
    /// <summary>A plain log of <paramref name="entries"/> entries; every 7th is an error with a Java trace from one of five places.</summary>
    public static void Write(string path, int entries, int seed = 1)
    {
        var random = new Random(seed);
        var at = new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc);
        var sb = new StringBuilder();
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        for (var i = 0; i < entries; i++)
        {
            at = at.AddMilliseconds(random.Next(1, 500));
            var stamp = at.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
            if (i % 7 == 3)
            {
                var place = random.Next(5);
                writer.Write($"{stamp} ERROR [exec-{i % 9}] c.s.Api - request {i} failed trace_id=t{i:x8}\n");
                writer.Write($"java.lang.IllegalStateException: bad state {random.Next(1000)}\n");
                writer.Write($"\tat com.shop.svc.Handler{place}.handle(Handler{place}.java:{10 + place})\n");
                writer.Write("\tat com.shop.svc.Router.route(Router.java:42)\n");
                writer.Write("\tat java.base/java.lang.Thread.run(Thread.java:833)\n");
            }
            else if (i % 13 == 5)
            {
                writer.Write($"{stamp} ERROR [exec-{i % 9}] c.s.Pay - payment provider timeout after {random.Next(3000, 9000)} ms\n");
            }
            else
            {
                writer.Write($"{stamp} INFO  [exec-{i % 9}] c.s.Api - request {i} ok took={random.Next(1, 90)}ms\n");
            }
        }
    }
}
