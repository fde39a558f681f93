using System.Text.Json.Nodes;
using Culprit.Tests.Support;

namespace Culprit.Tests.Cli;

public sealed class BenchCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("culprit-bench-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A Loghub-style folder with one small system whose ground truth is written by hand.</summary>
    private string Folder()
    {
        var system = Directory.CreateDirectory(Path.Combine(_dir, "Tiny")).FullName;
        File.WriteAllText(Path.Combine(system, "Tiny_2k.log"), """
            [info] job 1 done
            [info] job 2 done
            [warn] disk full
            [info] job 3 done
            """);
        File.WriteAllText(Path.Combine(system, "Tiny_2k.log_structured.csv"), """
            LineId,Level,Content,EventId,EventTemplate
            1,info,job 1 done,E1,job <*> done
            2,info,job 2 done,E1,job <*> done
            3,warn,disk full,E2,disk <*>
            4,info,job 3 done,E1,job <*> done
            """);
        return _dir;
    }

    [Fact]
    public void ScoresEachSystemAgainstItsGroundTruth()
    {
        var (code, stdout, stderr) = CliRunner.Run("bench", "templates", "--loghub", Folder(), "--header", "engine", "--repeat", "1", "--json");
        Assert.True(code == 0, stderr);
        var doc = JsonNode.Parse(stdout)!;
        var tiny = doc["systems"]!.AsArray().Single()!;
        Assert.Equal("Tiny", tiny["system"]!.GetValue<string>());
        // both groups right; "disk full" keeps its word, so 3 of 4 lines have the right text
        Assert.Equal(1.0, tiny["ga"]!.GetValue<double>());
        Assert.Equal(0.75, tiny["pa"]!.GetValue<double>());
        Assert.Equal(1.0, tiny["fga"]!.GetValue<double>());
        Assert.Equal(2 * 0.5 * 0.5 / (0.5 + 0.5), tiny["fta"]!.GetValue<double>());
        Assert.True(doc["steady_state"]!["lines_per_second"]!.GetValue<double>() > 0);
    }

    [Fact]
    public void AFolderWithoutSystemsIsBadUsage()
    {
        var (code, _, stderr) = CliRunner.Run("bench", "templates", "--loghub", _dir);
        Assert.Equal(2, code);
        Assert.Contains("no system", stderr, StringComparison.Ordinal);
    }
}
