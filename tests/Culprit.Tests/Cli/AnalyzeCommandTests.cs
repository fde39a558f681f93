using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Culprit.Tests.Support;

namespace Culprit.Tests.Cli;

public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("culprit-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void DemoFindsTheSampleIncidents()
    {
        var (code, stdout, stderr) = CliRunner.Run("demo", "--json");
        Assert.True(code == 0, stderr);
        var doc = JsonNode.Parse(stdout)!;
        var incidents = doc["incidents"]!.AsArray();
        Assert.True(incidents.Count >= 6, $"only {incidents.Count} incidents");
        Assert.True(doc["summary"]!["lines"]!.GetValue<long>() > 400);
        var services = incidents.SelectMany(i => i!["services"]!.AsArray().Select(s => s!.GetValue<string>())).ToHashSet();
        Assert.Contains("payments-api", services);
        Assert.Contains("web-gateway", services);
        var counts = incidents.Select(i => i!["count"]!.GetValue<long>()).ToList();
        Assert.Equal(counts.OrderByDescending(c => c), counts);
        foreach (var incident in incidents)
        {
            var count = incident!["count"]!.GetValue<long>();
            Assert.Equal(Math.Min(count, 1000), incident["occurrences"]!.AsArray().Count);
            Assert.Equal(count > 1000, incident["occurrences_truncated"]!.GetValue<bool>());
        }
    }

    [Theory]
    [InlineData("--no-store")]
    [InlineData("--format")]
    public void DemoShowsTheTracedIncidentsStoredOrNot(string mode)
    {
        var args = mode == "--no-store" ? new[] { "demo", "--json", "--no-store" } : new[] { "demo", "--format", "json" };
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.True(code == 0, stderr);
        var titles = JsonNode.Parse(stdout)!["incidents"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()).ToList();
        Assert.Contains(titles, t => t.StartsWith("java.lang.NullPointerException", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.StartsWith("KeyError", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.StartsWith("System.NullReferenceException", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.StartsWith("TypeError", StringComparison.Ordinal));
    }

    [Fact]
    public void RepeatedErrorsBecomeOneIncidentWithTheirCount()
    {
        var log = Write("app.log", """
            2026-01-02 10:00:00,001 ERROR [main] c.a.Pay - charge 1001 failed: timeout after 3000 ms
            2026-01-02 10:05:00,001 INFO [main] c.a.Pay - ok
            2026-01-02 10:10:00,001 ERROR [main] c.a.Pay - charge 1002 failed: timeout after 3100 ms
            2026-01-02 11:10:00,001 ERROR [main] c.a.Pay - charge 1003 failed: timeout after 2900 ms
            """);
        var (code, stdout, stderr) = CliRunner.Run("analyze", log, "--json");
        Assert.True(code == 0, stderr);
        var incident = JsonNode.Parse(stdout)!["incidents"]!.AsArray().Single()!;
        Assert.Equal(3, incident["count"]!.GetValue<long>());
        Assert.Equal(3, incident["occurrences"]!.AsArray().Count);
        Assert.EndsWith("app.log:1", incident["occurrences"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownFileIsBadUsageNamingTheFile()
    {
        var (code, _, stderr) = CliRunner.Run("analyze", Path.Combine(_dir, "missing.log"));
        Assert.Equal(2, code);
        Assert.Contains("missing.log", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOptionIsBadUsage() => Assert.Equal(2, CliRunner.Run("analyze", "--no-such-option", "x").Code);

    [Theory]
    [InlineData("--since", "yesterday-ish")]
    [InlineData("--level", "LOUD")]
    [InlineData("--format", "xml")]
    [InlineData("--top", "0")]
    public void BadOptionValuesAreBadUsage(string option, string value)
    {
        var log = Write("a.log", "2026-01-02 10:00:00 ERROR x\n");
        var (code, _, stderr) = CliRunner.Run("analyze", log, option, value);
        Assert.Equal(2, code);
        Assert.False(string.IsNullOrWhiteSpace(stderr));
    }

    [Fact]
    public void DirectoryWithoutLogsIsBadUsageWithAClearMessage()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_dir, "empty")).FullName;
        var (code, _, stderr) = CliRunner.Run("analyze", empty);
        Assert.Equal(2, code);
        Assert.Contains("holds no files", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyFileGivesNoIncidentsAndNoError()
    {
        var (code, stdout, _) = CliRunner.Run("analyze", Write("empty.log", ""), "--json");
        Assert.Equal(0, code);
        Assert.Empty(JsonNode.Parse(stdout)!["incidents"]!.AsArray());
    }

    [Fact]
    public void BinaryGarbageIsReadWithoutCrashing()
    {
        var path = Path.Combine(_dir, "garbage.bin");
        var random = new Random(42);
        var bytes = new byte[300_000];
        random.NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        var (code, stdout, stderr) = CliRunner.Run("analyze", path, "--json");
        Assert.True(code == 0, stderr);
        var summary = JsonNode.Parse(stdout)!["summary"]!;
        Assert.True(summary["lines"]!.GetValue<long>() > 0);
        Assert.True(summary["partial_entries"]!.GetValue<long>() > 0);
    }

    [Fact]
    public void AFiftyMegabyteLineIsCutAndTheRestOfTheFileStillCounts()
    {
        var path = Path.Combine(_dir, "long.log");
        using (var w = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            w.Write("2026-01-02 10:00:00 ERROR huge payload ");
            w.Write(new string('x', 50 * 1024 * 1024));
            w.Write('\n');
            w.Write("2026-01-02 10:00:01 ERROR after the long line\n");
        }

        var (code, stdout, stderr) = CliRunner.Run("analyze", path, "--json");
        Assert.True(code == 0, stderr);
        var doc = JsonNode.Parse(stdout)!;
        Assert.Equal(2, doc["summary"]!["lines"]!.GetValue<long>());
        Assert.Equal(1, doc["summary"]!["partial_entries"]!.GetValue<long>());
        Assert.Contains(doc["incidents"]!.AsArray(), i => i!["title"]!.GetValue<string>().Contains("after the long line", StringComparison.Ordinal));
    }

    [Fact]
    public void TruncatedGzipKeepsWhatWasReadAndSaysSo()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 5000; i++)
            text.Append("2026-01-02 10:00:00 ERROR job ").Append(i).Append(" failed\n");
        using var compressed = new MemoryStream();
        using (var gz = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            gz.Write(Encoding.UTF8.GetBytes(text.ToString()));
        var path = Path.Combine(_dir, "cut.log.gz");
        File.WriteAllBytes(path, compressed.ToArray()[..(int)(compressed.Length / 2)]);

        var (code, stdout, stderr) = CliRunner.Run("analyze", path, "--json");
        Assert.True(code == 0, stderr);
        var doc = JsonNode.Parse(stdout)!;
        Assert.InRange(doc["summary"]!["lines"]!.GetValue<long>(), 1, 4999);
        Assert.Contains(doc["summary"]!["problems"]!.AsArray(), p => p!.GetValue<string>().Contains("truncated", StringComparison.Ordinal));
        Assert.Contains("truncated", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonLineWithBrokenEscapesIsKeptAsAPartialEntry()
    {
        var log = Write("broken.jsonl", "{\"level\":\"error\",\"msg\":\"bad \\q escape\"}\n{\"level\":\"error\",\"msg\":\"fine\"}\n");
        var (code, stdout, stderr) = CliRunner.Run("analyze", log, "--json");
        Assert.True(code == 0, stderr);
        var doc = JsonNode.Parse(stdout)!;
        Assert.Equal(2, doc["summary"]!["entries"]!.GetValue<long>());
        Assert.Equal(1, doc["summary"]!["partial_entries"]!.GetValue<long>());
    }

    [Fact]
    public void ServiceAndSinceFiltersApply()
    {
        var log = Write("svc.jsonl", string.Join('\n',
            "{\"time\":\"2020-01-01T00:00:00Z\",\"level\":\"error\",\"service\":\"a\",\"msg\":\"old failure\"}",
            "{\"time\":\"2099-01-01T00:00:00Z\",\"level\":\"error\",\"service\":\"a\",\"msg\":\"new failure\"}",
            "{\"time\":\"2099-01-01T00:00:00Z\",\"level\":\"error\",\"service\":\"b\",\"msg\":\"other service\"}") + "\n");
        var (_, stdout, _) = CliRunner.Run("analyze", log, "--json", "--service", "a", "--since", "24h");
        var titles = JsonNode.Parse(stdout)!["incidents"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()).ToList();
        Assert.Equal(["new failure"], titles);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("markdown")]
    public void ReadableFormatsShowTheIncidents(string format)
    {
        var log = Write("f.log", "2026-01-02 10:00:00 ERROR [main] c.a.B - disk full on /var/x\n");
        var (code, stdout, _) = CliRunner.Run("analyze", log, "--format", format);
        Assert.Equal(0, code);
        Assert.Contains("disk full", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void InAppOptionsMoveTheCulpritFrame()
    {
        var log = Write("spring.log", """
            2026-01-02 10:00:00 ERROR [main] c.a.B - failed
            java.lang.IllegalStateException: no owner
            	at org.springframework.samples.petclinic.OwnerController.show(OwnerController.java:12)
            	at com.acme.web.Dispatch.run(Dispatch.java:40)
            """);
        string Culprit(params string[] extra)
        {
            var (code, stdout, stderr) = CliRunner.Run(["analyze", log, "--json", .. extra]);
            Assert.True(code == 0, stderr);
            return JsonNode.Parse(stdout)!["incidents"]![0]!["culprit"]!["function"]!.GetValue<string>();
        }

        Assert.Equal("run", Culprit());
        Assert.Equal("show", Culprit("--in-app", "org.springframework.samples."));
        Assert.Equal("show", Culprit("--not-in-app", "com.acme.web.", "--in-app", "org.springframework.samples."));
    }
}
