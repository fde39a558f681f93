using System.Text.Json;
using Culprit.Parsing.Templates;
using Culprit.Tests.Support;

namespace Culprit.Tests.Parsing.Templates;

public sealed class LineFormatTests
{
    [Fact]
    public void PlaceholdersMatchLazilyAndSpacesMatchAnyWhitespace()
    {
        Assert.True(LineFormat.TryParse("<Date> <Time> <Level> <Component>: <Content>", out var format, out var error), error);
        Assert.True(format!.TryGetContent("2017-01-02  10:00:00 INFO  a.b.C: hello: world ", out var content));
        Assert.Equal("hello: world", content);
        Assert.Equal(["Date", "Time", "Level", "Component", "Content"], format.Fields);
        Assert.Equal("INFO", format.Read("2017-01-02 10:00:00 INFO a.b.C: x")!["Level"]);
        Assert.False(format.TryGetContent("no header here", out _));
    }

    [Fact]
    public void TextBetweenPlaceholdersIsARegexFragment()
    {
        Assert.True(LineFormat.TryParse(@"<Month> <Date> <Time> <Level> <Component>(\[<PID>\])?: <Content>", out var format, out _));
        Assert.True(format!.TryGetContent("Jun 14 15:16:01 combo sshd(pam_unix)[19939]: check pass; user unknown", out var content));
        Assert.Equal("check pass; user unknown", content);
        Assert.True(format.TryGetContent("Jun 14 15:16:01 combo kernel: ok", out content));
        Assert.Equal("ok", content);
    }

    [Theory]
    [InlineData("<Date> <Time>", "no <Content>")]
    [InlineData("<Content> <Content>", "twice")]
    [InlineData("(<Level> <Content>", "regular expression")]
    public void UnusableFormatsAreReported(string format, string reason)
    {
        Assert.False(LineFormat.TryParse(format, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    /// <summary>Every loghub-2k log_format takes off exactly the Content of the ground truth on every line.</summary>
    [Fact]
    public void LoghubFormatsGiveTheGroundTruthContent()
    {
        var folder = SharedData.Path("loghub-2k");
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "datasets.json")));
        foreach (var system in manifest.RootElement.GetProperty("systems").EnumerateArray())
        {
            var name = system.GetProperty("system").GetString()!;
            Assert.True(LineFormat.TryParse(system.GetProperty("log_format").GetString()!, out var format, out var error), error);
            var lines = File.ReadAllLines(Path.Combine(folder, name, $"{name}_2k.log"));
            var truth = LoghubTruth.Read(name);
            for (var i = 0; i < lines.Length; i++)
            {
                Assert.True(format!.TryGetContent(lines[i], out var content), $"{name}:{i + 1} does not match");
                Assert.Equal(truth[i].Content.Trim(), content.Trim());
            }
        }
    }
}
