using System.Diagnostics;
using System.Text.Json;
using Culprit.Cli.Templates;
using Culprit.Parsing.Templates;
using Culprit.Tests.Support;

namespace Culprit.Tests.Parsing.Templates;

/// <summary>
/// Cross-check of the metrics with the independent reference evaluator (<c>../shared/tools/logparse_eval.py</c>):
/// the miner's CSV for every loghub-2k system, scored by both, must agree to three decimals. Needs python3;
/// without it the test returns without checking (the hand-made cases in <see cref="ParsingAccuracyTests"/> still run).
/// </summary>
public sealed class ReferenceEvaluatorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("culprit-eval-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void MetricsAgreeWithThePythonEvaluatorToThreeDecimals()
    {
        var script = Path.Combine(SharedData.Root, "..", "tools", "logparse_eval.py");
        if (!File.Exists(script) || !HasPython())
            return;
        foreach (var system in LoghubTruth.Systems)
        {
            var truth = LoghubTruth.Read(system);
            var miner = new TemplateMiner();
            foreach (var line in truth)
                miner.Mine(line.Content);
            var csv = Path.Combine(_dir, system + ".csv");
            using (var w = new StreamWriter(csv))
            {
                w.Write(TemplateOutput.CsvHeader + "\r\n");
                for (var i = 0; i < truth.Count; i++)
                {
                    Assert.True(miner.TryMatch(truth[i].Content, out var match));
                    TemplateOutput.WriteCsvRow(w, i + 1, match);
                }
            }

            var ours = LoghubTemplateAccuracyTests.Score(system);
            var truthPath = SharedData.Path("loghub-2k", system, $"{system}_2k.log_structured_corrected.csv");
            using var reference = JsonDocument.Parse(Run("python3", script, truthPath, csv, "--json"));
            foreach (var (name, value) in new[] { ("GA", ours.GA), ("PA", ours.PA), ("FGA", ours.FGA), ("FTA", ours.FTA) })
            {
                var theirs = reference.RootElement.GetProperty(name).GetDouble();
                Assert.True(Math.Abs(theirs - value) < 0.0005, $"{system} {name}: ours {value:F4}, reference {theirs:F4}");
            }
        }
    }

    private static bool HasPython()
    {
        try
        {
            Run("python3", "--version");
            return true;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string Run(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
            info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, error);
        return output;
    }
}
