using System.Globalization;
using System.Text;
using Culprit.Grouping;
using Culprit.Model;
using Culprit.Pipeline;
using Culprit.Storage;
using Culprit.Tests.Support;

namespace Culprit.Tests.Grouping;

/// <summary>Grouping v2 through both analyze paths: error lines without a trace grouped by template anchor.</summary>
public sealed class GroupingV2Tests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("culprit-grouping2-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    private static string Line(int second, string level, string message) =>
        string.Create(CultureInfo.InvariantCulture, $"2026-01-02 10:{second / 60 % 60:00}:{second % 60:00},000 {level} [main] c.a.Pay - {message}");

    private static async Task<AnalysisResult> AnalyzeAsync(string file, bool byTemplate = true) =>
        await Analyzer.CreateDefault().RunAsync([file], new AnalyzeOptions { Grouping = { ByTemplate = byTemplate } }, new RunStats());

    [Fact]
    public async Task AThousandErrorLinesThatDifferInNumbersAreOneIncident()
    {
        var random = new Random(7);
        var lines = new List<string>();
        for (var i = 0; i < 1000; i++)
        {
            lines.Add(Line(i, "ERROR", $"charge {random.Next(1, 99999)} failed for order {random.Next()} after {random.Next(10, 9000)} ms on 10.0.{i % 7}.{i % 200}:{8000 + (i % 5)}"));
            if (i % 10 == 0)
                lines.Add(Line(i, "INFO", $"heartbeat {i}"));
        }

        var result = await AnalyzeAsync(Write("pay.log", lines));

        var incident = Assert.Single(result.Incidents);
        Assert.Equal(1000, incident.Count);
        Assert.Equal("v2", incident.GroupingVersion);
        Assert.Equal("log-template", incident.Basis);
    }

    /// <summary>Tenant names are words, so the miner generalises <c>tenant=alpha</c> to <c>tenant=&lt;*&gt;</c> only once a second one shows.</summary>
    private static IEnumerable<string> Quota(int from, params string[] tenants) =>
        tenants.Select((t, i) => Line(from + i, "ERROR", $"quota exceeded for tenant={t} in region north"));

    [Fact]
    public async Task ATemplateGeneralisedMidStreamKeepsItsIncident()
    {
        var v2 = await AnalyzeAsync(Write("quota.log", Quota(0, "alpha", "alpha", "alpha", "beta", "gamma", "delta", "alpha")));
        var v1 = await AnalyzeAsync(Write("quota1.log", Quota(0, "alpha", "alpha", "alpha", "beta", "gamma", "delta", "alpha")), byTemplate: false);

        var incident = Assert.Single(v2.Incidents);
        Assert.Equal(7, incident.Count);
        Assert.Equal("quota exceeded for tenant=alpha in region north", incident.Title);
        Assert.Equal(4, v1.Incidents.Count); // the normalised message keeps words apart
    }

    [Fact]
    public async Task AGeneralisedTemplateKeepsItsIncidentAcrossRunsWithTheStore()
    {
        var options = new StorageOptions { DataDirectory = Path.Combine(_dir, "data") };
        var time = new FixedTimeProvider(new DateTimeOffset(2026, 1, 3, 0, 0, 0, TimeSpan.Zero));
        // the same file, appended to between the runs: the second run reads only the new lines
        var log = Write("quota.log", Quota(0, "alpha", "alpha"));

        string firstId;
        await using (var stores = await StoreFactory.OpenAsync(options, time))
        {
            await stores.MigrateAsync();
            var run = await new Ingestor(LogReader.CreateDefault(), new FingerprinterV1(), stores, new IngestOptions(), time).RunAsync([log], new AnalyzeOptions(), new RunStats());
            firstId = Assert.Single(run.Incidents).Id;
        }

        await File.AppendAllLinesAsync(log, Quota(100, "beta", "gamma", "delta", "alpha"));
        await using (var stores = await StoreFactory.OpenAsync(options, time))
        {
            await stores.MigrateAsync();
            var run = await new Ingestor(LogReader.CreateDefault(), new FingerprinterV1(), stores, new IngestOptions(), time).RunAsync([log], new AnalyzeOptions(), new RunStats());
            Assert.Equal(4, run.Occurrences);
            Assert.Equal(firstId, Assert.Single(run.Incidents).Id);
            var stored = Assert.Single(await stores.Incidents.ListIncidentsAsync(new IncidentFilter()));
            Assert.Equal(firstId, stored.Id);
            Assert.Equal(6, stored.Count);
            Assert.Equal("v2", stored.GroupingVersion);
        }
    }

    [Fact]
    public async Task TracedExceptionsKeepTheirV1Fingerprints()
    {
        var log = new StringBuilder();
        for (var i = 0; i < 3; i++)
        {
            log.Append(Line(i, "ERROR", $"request {i} failed")).Append('\n');
            log.Append("java.lang.IllegalStateException: order ").Append(i).Append(" has no lines\n");
            log.Append("\tat com.shop.Orders.total(Orders.java:").Append(40 + i).Append(")\n");
            log.Append("\tat com.shop.Api.handle(Api.java:12)\n");
            log.Append(Line(i, "ERROR", "java.net.SocketTimeoutException: Read timed out after 3000 ms")).Append('\n');
        }

        var file = Path.Combine(_dir, "traced.log");
        await File.WriteAllTextAsync(file, log.ToString());

        var v2 = await AnalyzeAsync(file);
        var v1 = await AnalyzeAsync(file, byTemplate: false);

        var framed = v2.Incidents.Single(i => i.Basis == "frames");
        Assert.Equal(v1.Incidents.Single(i => i.Basis == "frames").Fingerprint, framed.Fingerprint);
        Assert.Equal("v1", framed.GroupingVersion);
        Assert.Equal(3, framed.Count);
        // a type named in a log line without a trace is a log line: v2 groups it by template
        var line = v2.Incidents.Single(i => i.Basis == "log-template");
        Assert.Equal(3, line.Count);
        Assert.Equal(v1.Incidents.Single(i => i.Basis == "log-message").Count, line.Count);
        Assert.Equal(2, v2.Incidents.Count);
    }

    [Fact]
    public async Task AnIncidentShowsTheTemplatesOfItsRequests()
    {
        string[] lines =
        [
            "time=2026-01-02T10:00:00Z level=info msg=\"cart loaded items=3\" request_id=r1",
            "time=2026-01-02T10:00:01Z level=info msg=\"cart loaded items=5\" request_id=r2",
            "time=2026-01-02T10:00:02Z level=info msg=\"cart loaded items=9\" request_id=r9",
            "time=2026-01-02T10:00:03Z level=error msg=\"checkout failed\" request_id=r1",
            "time=2026-01-02T10:00:04Z level=info msg=\"rollback done in 12 ms\" request_id=r1",
            "time=2026-01-02T10:00:05Z level=error msg=\"checkout failed\" request_id=r2",
            "time=2026-01-02T10:00:06Z level=info msg=\"rollback done in 15 ms\" request_id=r2",
            "time=2026-01-02T10:00:07Z level=info msg=\"rollback done in 15 ms\" request_id=r7",
        ];

        var result = await AnalyzeAsync(Write("req.log", lines));

        var incident = Assert.Single(result.Incidents);
        Assert.Equal(
            [("cart loaded items=<*>", 2L), ("rollback done in <*> ms", 2L)],
            incident.RelatedTemplates.Select(r => (r.Text, r.Count)));
    }
}
