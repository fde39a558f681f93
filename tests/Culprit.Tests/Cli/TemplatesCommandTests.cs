using System.Text.Json.Nodes;
using Culprit.Cli.Output;
using Culprit.Tests.Support;

namespace Culprit.Tests.Cli;

public sealed class TemplatesCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("culprit-templates-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static List<List<string>> Records(string csv) => [.. Csv.Read(new StringReader(csv))];

    [Fact]
    public void CsvHasOneRowPerLineWithTheFinalTemplates()
    {
        var log = Write("a.log", """
            user alice logged in from 10.0.0.1, session 17
            user bob logged in from 10.0.0.2, session 18
            disk "data" is 91% full
            user carol logged in from 10.0.0.3, session 19
            """);
        var (code, stdout, stderr) = CliRunner.Run("templates", log, "--content-only", "--output", "csv");
        Assert.True(code == 0, stderr);
        Assert.StartsWith("LineId,EventId,EventTemplate,ParameterList\r\n", stdout, StringComparison.Ordinal);
        var rows = Records(stdout);
        Assert.Equal(5, rows.Count);
        Assert.Equal(["1", "2", "3", "4"], rows.Skip(1).Select(r => r[0]));
        Assert.Equal("user <*> logged in from <*>, session <*>", rows[1][2]);
        Assert.Equal(rows[1][1], rows[4][1]);
        Assert.Equal("""["alice","10.0.0.1","17"]""", rows[1][3]);
        Assert.Matches("^[0-9a-f]{16}$", rows[3][1]);
        // quoted per RFC 4180: the template holds a comma and quotes, the parameter list quotes
        Assert.Contains("\"user <*> logged in from <*>, session <*>\"", stdout, StringComparison.Ordinal);
        Assert.Equal("disk \"data\" is <*>% full", rows[3][2]);
        Assert.Contains("\"disk \"\"data\"\" is <*>% full\"", stdout, StringComparison.Ordinal);
        Assert.Contains("4 lines, 2 templates", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void LogFormatTakesOffTheHeader()
    {
        var log = Write("b.log", """
            081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating
            081109 203807 222 INFO dfs.DataNode$PacketResponder: PacketResponder 0 for block blk_-6952295868487656571 terminating
            not a header line
            """);
        var (code, stdout, stderr) = CliRunner.Run("templates", log, "--log-format", "<Date> <Time> <Pid> <Level> <Component>: <Content>", "--output", "csv");
        Assert.True(code == 0, stderr);
        var rows = Records(stdout);
        Assert.Equal("PacketResponder <*> for block <*> terminating", rows[1][2]);
        Assert.Equal("not a header line", rows[3][2]);
        Assert.Contains("1 lines do not match --log-format", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAFormatTheEngineHeaderParserFindsTheMessage()
    {
        var log = Write("c.log", """
            2026-01-02 10:00:00,001 ERROR [main] c.a.Pay - charge 1001 failed: timeout after 3000 ms
            2026-01-02 10:05:00,001 ERROR [main] c.a.Pay - charge 1002 failed: timeout after 3100 ms
            """);
        var (code, stdout, stderr) = CliRunner.Run("templates", log, "--output", "json");
        Assert.True(code == 0, stderr);
        var template = JsonNode.Parse(stdout)!["templates"]!.AsArray().Single()!;
        Assert.Equal("charge <*> failed: timeout after <*> ms", template["template"]!.GetValue<string>());
        Assert.Equal(2, template["count"]!.GetValue<long>());
        Assert.Equal("2026-01-02T10:00:00.001Z", template["first_seen"]!.GetValue<string>());
    }

    [Fact]
    public void TheDefaultIsATableOfTemplatesWithCounts()
    {
        var log = Write("d.log", "job 1 done\njob 2 done\njob 3 done\nshutting down\n");
        var (code, stdout, _) = CliRunner.Run("templates", log, "--content-only");
        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("count", lines[0].Trim(), StringComparison.Ordinal);
        Assert.Matches(@"^\s*3\s+[0-9a-f]{16}\s+job <\*> done$", lines[1]);
        Assert.Matches(@"^\s*1\s+[0-9a-f]{16}\s+shutting down$", lines[2]);
    }

    [Theory]
    [InlineData("--content-only", "--log-format", "<Content>")]
    [InlineData("--log-format", "<Date> <Time>")]
    [InlineData("--output", "xml")]
    public void BadUsageExitsWithTwo(params string[] options)
    {
        var log = Write("e.log", "x\n");
        var (code, _, stderr) = CliRunner.Run(["templates", log, .. options]);
        Assert.Equal(2, code);
        Assert.StartsWith("culprit:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFileExitsWithTwo()
    {
        var (code, _, stderr) = CliRunner.Run("templates", Path.Combine(_dir, "nope.log"));
        Assert.Equal(2, code);
        Assert.Contains("not found", stderr, StringComparison.Ordinal);
    }
}
