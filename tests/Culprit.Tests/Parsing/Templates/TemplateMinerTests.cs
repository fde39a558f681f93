using Culprit.Parsing.Templates;

namespace Culprit.Tests.Parsing.Templates;

public sealed class TemplateMinerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static string TemplateOf(TemplateMiner miner, string line) =>
        miner.TryMatch(line, out var match) ? match.Template.Text : "(none)";

    [Fact]
    public void AWordPositionWithThreeValuesBecomesAVariable()
    {
        var miner = new TemplateMiner();
        miner.Mine("session opened for user alice by uid 0");
        miner.Mine("session opened for user bob by uid 0");
        Assert.Equal(2, miner.TemplateCount);
        miner.Mine("session opened for user carol by uid 0");
        Assert.Equal("session opened for user <*> by uid <*>", Assert.Single(miner.Templates).Text);
        Assert.Equal(3, miner.Templates[0].Count);
        Assert.Equal("session opened for user <*> by uid <*>", TemplateOf(miner, "session opened for user dave by uid 7"));
    }

    [Fact]
    public void TwoValuesOfAWordStayTwoTemplates()
    {
        var miner = new TemplateMiner();
        miner.Mine("Failed password for root from 1.2.3.4 port 22 ssh2");
        miner.Mine("Accepted password for root from 1.2.3.5 port 23 ssh2");
        miner.Mine("Failed password for root from 1.2.3.6 port 24 ssh2");
        Assert.Equal(["Failed password for root from <*> port <*> ssh2", "Accepted password for root from <*> port <*> ssh2"], miner.Templates.Select(t => t.Text));
    }

    [Fact]
    public void UpperCaseWordsTakeFiveValues()
    {
        var miner = new TemplateMiner();
        foreach (var method in new[] { "GET", "POST", "DELETE", "PUT" })
            miner.Mine($"10.0.0.1 \"{method} /v2/servers HTTP/1.1\" status: 200 len: 1893 time: 0.24");
        Assert.Equal(4, miner.TemplateCount);
        miner.Mine("10.0.0.1 \"PATCH /v2/servers HTTP/1.1\" status: 200 len: 1893 time: 0.24");
        Assert.Equal("<*> \"<*> <*> HTTP/<*>\" status: <*> len: <*> time: <*>", Assert.Single(miner.Templates).Text);
    }

    [Fact]
    public void AValueAfterEqualsGeneralisesFromTwoValues()
    {
        var miner = new TemplateMiner();
        miner.Mine("job done now state=running");
        miner.Mine("job done now state=stopped");
        Assert.Equal("job done now state=<*>", Assert.Single(miner.Templates).Text);
    }

    [Fact]
    public void AnEmptyGluedVariableJoinsTheTemplateWithIt()
    {
        var miner = new TemplateMiner();
        miner.Mine("connection from 10.0.0.1 (host-1234.example.com) at Fri Jun 17 07:07:00 2005");
        miner.Mine("connection from 10.0.0.2 () at Fri Jun 17 07:08:00 2005");
        Assert.Equal("connection from <*> (<*>) at <*>", Assert.Single(miner.Templates).Text);
        Assert.True(miner.TryMatch("connection from 10.0.0.3 () at Sat Jun 18 01:00:00 2005", out var match));
        Assert.Equal(["10.0.0.3", "", "Sat Jun 18 01:00:00 2005"], match.Parameters().Select(p => p.Value));
    }

    [Fact]
    public void ALoneVariableChunkCoversAnyChunk()
    {
        var miner = new TemplateMiner();
        miner.Mine("synchronized to 10.100.20.250, stratum 3");
        miner.Mine("synchronized to LOCAL(0), stratum 10");
        Assert.Equal("synchronized to <*>, stratum <*>", Assert.Single(miner.Templates).Text);
        Assert.True(miner.TryMatch("synchronized to LOCAL(0), stratum 10", out var match));
        Assert.Equal(["LOCAL(0)", "10"], match.Parameters().Select(p => p.Value));
    }

    [Fact]
    public void ParametersComeInOrderWithTheirTypes()
    {
        var miner = new TemplateMiner();
        var match = miner.Mine("Received block blk_-1608999687919862906 of size 91178 from 10.250.10.6:50010 in 65020ms at 2016-09-28 04:30:30, ok=true");
        Assert.Equal("Received block <*> of size <*> from <*> in <*> at <*>, ok=<*>", match.Template.Text);
        Assert.Equal(
            [("blk_-1608999687919862906", ParameterType.Identifier), ("91178", ParameterType.Number), ("10.250.10.6:50010", ParameterType.IpAddress),
             ("65020ms", ParameterType.Duration), ("2016-09-28 04:30:30", ParameterType.DateTime), ("true", ParameterType.Boolean)],
            match.Parameters().Select(p => (p.Value, p.Type)));
    }

    [Theory]
    [InlineData("12KB", ParameterType.Size)]
    [InlineData("0x1f", ParameterType.Hex)]
    [InlineData("3f2b9c1e-8a6d-4c1f-9a7e-1b2c3d4e5f60", ParameterType.Uuid)]
    [InlineData("ops@example.com", ParameterType.Email)]
    [InlineData("https://x.example.com/a", ParameterType.Url)]
    [InlineData("/var/log/syslog", ParameterType.Path)]
    [InlineData("00:11:43:e3:ba:c3", ParameterType.MacAddress)]
    [InlineData("fe80::1", ParameterType.IpAddress)]
    [InlineData("[fe80::1]:8080", ParameterType.IpAddress)]
    [InlineData("db-1.example.com:5432", ParameterType.HostPort)]
    [InlineData("1.2.3", ParameterType.Version)]
    [InlineData("-17.5", ParameterType.Number)]
    [InlineData("null", ParameterType.Null)]
    public void ParameterTypesAreInferred(string value, ParameterType type)
    {
        var miner = new TemplateMiner();
        var match = miner.Mine($"value is {value} here");
        Assert.Equal((value, type), (match.Parameters().Single().Value, match.Parameters().Single().Type));
    }

    [Fact]
    public void TemplatesKeepCountsTimesAndFirstExamples()
    {
        var miner = new TemplateMiner(new TemplateOptions { MaxExamples = 2 });
        for (var i = 0; i < 5; i++)
            miner.Mine($"worker {i} finished task {i * 10}", T0.AddMinutes(5 - i));
        var t = Assert.Single(miner.Templates);
        Assert.Equal(5, t.Count);
        Assert.Equal(T0.AddMinutes(1), t.FirstSeen);
        Assert.Equal(T0.AddMinutes(5), t.LastSeen);
        Assert.Equal(["worker 0 finished task 0", "worker 1 finished task 10"], t.Examples);
        Assert.Equal(2, t.ParameterCount);
        Assert.Matches("^[0-9a-f]{16}$", t.Id);
    }

    [Fact]
    public void TheIdIsAHashOfTheTextAndSurvivesASnapshot()
    {
        var miner = new TemplateMiner();
        string[] lines = ["user alice logged in from 10.0.0.1", "user bob logged in from 10.0.0.2", "user carol logged in from 10.0.0.3", "disk /dev/sda1 is 91% full"];
        foreach (var line in lines)
            miner.Mine(line, T0);
        var before = miner.Templates.Select(t => (t.Id, t.Text, t.Count)).ToList();
        Assert.Equal(new TemplateMiner().Mine("user <x> logged in").Template.Id.Length, before[0].Id.Length);

        var json = miner.Snapshot().ToUtf8Bytes();
        Assert.True(TemplateMinerState.TryParse(json, out var state, out var error), error);
        Assert.True(TemplateMiner.TryRestore(state!, null, out var restored, out error), error);
        Assert.Equal(before, restored.Templates.Select(t => (t.Id, t.Text, t.Count)));
        foreach (var line in lines)
            Assert.Contains(restored.Mine(line).Template.Id, before.Select(b => b.Id));
        Assert.Equal(T0, restored.Templates[0].FirstSeen);
    }

    [Fact]
    public void IdsOfMergedTemplatesResolveToTheTemplateThatReplacedThem()
    {
        var miner = new TemplateMiner();
        var alice = miner.Mine("session opened for user alice by uid 0").Template.Id;
        miner.Mine("session opened for user bob by uid 0");
        miner.Mine("session opened for user carol by uid 0");
        var merged = Assert.Single(miner.Templates);
        Assert.NotEqual(alice, merged.Id);
        Assert.Same(merged, miner.ResolveId(alice));
        Assert.Null(miner.ResolveId("0000000000000000"));

        Assert.True(TemplateMiner.TryRestore(miner.Snapshot(), null, out var restored, out _));
        Assert.Equal(merged.Id, restored.ResolveId(alice)?.Id);
    }

    [Fact]
    public void ABrokenStateIsAValueNotAnException()
    {
        Assert.False(TemplateMinerState.TryParse("{not json"u8, out _, out var error));
        Assert.Contains("JSON", error, StringComparison.Ordinal);
        Assert.False(TemplateMinerState.TryParse("""{"version": 99}"""u8, out _, out error));
        var state = new TemplateMinerState { Templates = [new TemplateState { Id = "x", Tokens = ["a"], Kinds = "WW", Spaces = "0" }] };
        Assert.False(TemplateMiner.TryRestore(state, null, out _, out error));
        Assert.Contains("differ in length", error, StringComparison.Ordinal);
    }

    [Fact]
    public void PastMaxTemplatesTheLeastRecentAreForgottenAndComeBackWithTheirIds()
    {
        var miner = new TemplateMiner(new TemplateOptions { MaxTemplates = 10 });
        var first = miner.Mine("alpha beta gamma delta").Template.Id;
        for (var i = 0; i < 30; i++)
            miner.Mine($"{(char)('a' + (i % 26))}{i / 26} unique words only here number{i % 7}x");
        Assert.True(miner.TemplateCount <= 10);
        Assert.False(miner.TryMatch("alpha beta gamma delta", out _));
        Assert.Equal(first, miner.Mine("alpha beta gamma delta").Template.Id);
        Assert.True(miner.TryMatch("alpha beta gamma delta", out var again));
        Assert.Equal(1, again.Template.Count);
    }

    [Fact]
    public void AnEmptyMessageHasAnEmptyTemplate()
    {
        var miner = new TemplateMiner();
        Assert.Equal("", miner.Mine("").Template.Text);
        Assert.Equal(0, miner.Mine("   \t").ParameterCount);
        Assert.Equal(2, Assert.Single(miner.Templates).Count);
    }

    [Fact]
    public void TryMatchDoesNotLearn()
    {
        var miner = new TemplateMiner();
        miner.Mine("cache warmed in 30 ms");
        Assert.False(miner.TryMatch("something else entirely", out _));
        Assert.True(miner.TryMatch("cache warmed in 45 ms", out var match));
        Assert.Equal("45", match.Parameters()[0].Value);
        Assert.Equal(1, Assert.Single(miner.Templates).Count);
    }
}
