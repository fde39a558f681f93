using System.CommandLine;
using System.Text.Json;
using Culprit.Code.Git;
using Culprit.Code.Symbols;
using Culprit.Rca.Evaluation;

namespace Culprit.Cli.Commands;

/// <summary><c>culprit eval faultloc</c>: root-cause analysis measured against real bugs (../shared/data/faultloc).</summary>
public static class EvalCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(CliConsole console)
    {
        var cases = new Option<string>("--cases") { Description = "The fault-localisation manifest.json", Required = true };
        var sources = new Option<string>("--sources") { Description = "Folder with one git repository per case id, HEAD = the buggy version", Required = true };
        var json = new Option<bool>("--json") { Description = "Write the per-case candidates and the totals as JSON" };
        var faultloc = new Command("faultloc", "Top-1/3/5 accuracy of the RCA candidates at method and file level, next to the stack-only baseline") { cases, sources, json };
        faultloc.SetAction((parse, cancel) => Task.FromResult(Run(console, parse.GetValue(cases)!, parse.GetValue(sources)!, parse.GetValue(json), cancel)));
        return new Command("eval", "Measure Culprit against labelled data") { faultloc };
    }

    public static int Run(CliConsole console, string manifest, string sources, bool json, CancellationToken cancel)
    {
        if (!File.Exists(manifest))
            throw new UsageException($"--cases: {manifest} does not exist");
        if (!Directory.Exists(sources))
            throw new UsageException($"--sources: {sources} is not a folder");
        var warnings = new List<string>();
        var extractor = new SymbolExtractor(new SymbolExtractorOptions { OnWarning = w => { lock (warnings) warnings.Add(w); } });
        var evaluator = new FaultLocEvaluator(GitRepository.Open, extractor)
        {
            OnCase = r => console.Error.WriteLine($"{r.Id}: method rank {r.MethodRank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, file rank {r.FileRank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}{(r.Note is null ? "" : " (" + r.Note + ")")}"),
        };
        FaultLocReport report;
        try
        {
            report = evaluator.Run(manifest, sources, cancel);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException(e.Message);
        }
        foreach (var warning in warnings.Distinct())
            console.Error.WriteLine($"culprit: {warning}");
        if (report.Totals.N == 0)
            console.Error.WriteLine($"culprit: no case has its source under {sources}/<case id>/");
        if (json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(report, Indented));
            return ExitCodes.Ok;
        }
        var t = report.Totals;
        console.Out.WriteLine($"cases: {t.N}");
        console.Out.WriteLine($"{"",-22}{"top-1",8}{"top-3",8}{"top-5",8}");
        console.Out.WriteLine($"{"method (culprit)",-22}{t.Method.Top1,8}{t.Method.Top3,8}{t.Method.Top5,8}");
        console.Out.WriteLine($"{"method (stack only)",-22}{t.BaselineMethod.Top1,8}{t.BaselineMethod.Top3,8}{t.BaselineMethod.Top5,8}");
        console.Out.WriteLine($"{"file (culprit)",-22}{t.File.Top1,8}{t.File.Top3,8}{t.File.Top5,8}");
        return ExitCodes.Ok;
    }
}
