using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Culprit.Cli.Bench;

namespace Culprit.Cli.Commands;

/// <summary><c>culprit bench templates --loghub DIR</c>: accuracy (GA, PA, FGA, FTA) and speed of the template miner on a Loghub-style benchmark.</summary>
public static class BenchCommand
{
    /// <summary>Messages pushed through one miner for the steady-state speed (the systems' messages repeated).</summary>
    private const int SteadyLines = 2_000_000;

    public static Command Create(CliConsole console)
    {
        var loghub = new Option<string>("--loghub") { Description = "Folder of systems, each with a raw .log and a structured ground-truth .csv (datasets.json gives file names and log_format)", Required = true };
        var header = new Option<string>("--header") { Description = "format (default): take the message off with each system's log_format; engine: with Culprit's own header parser", DefaultValueFactory = _ => "format" };
        header.AcceptOnlyFromAmong("format", "engine");
        var repeat = new Option<int>("--repeat") { Description = "Timed runs per system with a new miner; the best counts (default 5)", DefaultValueFactory = _ => 5 };
        var writeCsv = new Option<string?>("--write-csv") { Description = "Also write each system's per-line CSV (as 'culprit templates --output csv') into this folder" };
        var json = new Option<bool>("--json") { Description = "Write the scores as JSON" };
        var templates = new Command("templates", "Score the template miner against ground truth (GA, PA, FGA, FTA) and time it") { loghub, header, repeat, writeCsv, json };
        templates.SetAction(parse => Run(console, parse.GetValue(loghub)!, parse.GetValue(header) == "engine", parse.GetValue(repeat), parse.GetValue(writeCsv), parse.GetValue(json)));
        return new Command("bench", "Benchmarks of Culprit's stages on reference data") { templates };
    }

    public static int Run(CliConsole console, string folder, bool engineHeaders, int repeat, string? csvFolder, bool json)
    {
        if (repeat < 1)
            throw new UsageException("--repeat must be at least 1");
        if (csvFolder is not null)
            Directory.CreateDirectory(csvFolder);
        var bench = new TemplateBench(engineHeaders, repeat, csvFolder);
        var scores = LoghubSystem.Find(folder).Select(bench.Score).ToList();
        bench.WarmUp();
        for (var i = 0; i < scores.Count; i++)
            scores[i] = scores[i] with { LinesPerSecond = bench.ColdSpeed(bench.Messages[i]) };
        var copies = Math.Max(1, SteadyLines / Math.Max(1, bench.AllMessages.Count));
        var steady = TemplateBench.SteadySpeed(bench.AllMessages, copies);
        var cold = scores.Sum(s => s.Lines) / scores.Sum(s => s.Lines / s.LinesPerSecond);

        if (json)
            WriteJson(console.Out, scores, cold, steady, (long)bench.AllMessages.Count * copies);
        else
            WriteTable(console.Out, scores, cold, steady, (long)bench.AllMessages.Count * copies);
        if (!json && bench.NormalizerScores.Count > 0)
        {
            var n = bench.NormalizerScores;
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"baseline, grouping by normalised message (grouping v1's fallback): GA {n.Average(x => x.GA):F3}, FGA {n.Average(x => x.FGA):F3} on average"));
        }

        foreach (var s in scores.Where(s => s.HeaderMisses > 0))
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"culprit: {s.System}: {s.HeaderMisses} lines do not match its log_format (mined whole)"));
        return ExitCodes.Ok;
    }

    private static void WriteTable(TextWriter w, List<SystemScore> scores, double cold, double steady, long steadyLines)
    {
        var inv = CultureInfo.InvariantCulture;
        w.WriteLine("system          lines  truth  found     GA     PA    FGA    FTA   lines/s (new miner)");
        foreach (var s in scores)
        {
            var a = s.Accuracy;
            w.WriteLine(string.Create(inv, $"{s.System,-13} {s.Lines,7} {a.TruthTemplates,6} {a.PredictedTemplates,6}  {a.GA:F3}  {a.PA:F3}  {a.FGA:F3}  {a.FTA:F3}  {s.LinesPerSecond,12:N0}"));
        }

        w.WriteLine(string.Create(inv,
            $"{"average",-13} {scores.Sum(s => s.Lines),7} {"",6} {"",6}  {scores.Average(s => s.Accuracy.GA):F3}  {scores.Average(s => s.Accuracy.PA):F3}  {scores.Average(s => s.Accuracy.FGA):F3}  {scores.Average(s => s.Accuracy.FTA):F3}  {cold,12:N0}"));
        w.WriteLine();
        w.WriteLine(string.Create(inv, $"steady state: {steadyLines:N0} messages (all systems' messages repeated) through one miner, one thread: {steady:N0} lines/s"));
    }

    private static void WriteJson(TextWriter w, List<SystemScore> scores, double cold, double steady, long steadyLines)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("systems");
            foreach (var s in scores)
            {
                json.WriteStartObject();
                json.WriteString("system", s.System);
                json.WriteNumber("lines", s.Lines);
                WriteAccuracy(json, s.Accuracy);
                json.WriteNumber("lines_per_second", Math.Round(s.LinesPerSecond));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("average");
            foreach (var (name, pick) in new (string, Func<SystemScore, double>)[] { ("ga", s => s.Accuracy.GA), ("pa", s => s.Accuracy.PA), ("fga", s => s.Accuracy.FGA), ("fta", s => s.Accuracy.FTA) })
                json.WriteNumber(name, scores.Average(pick));
            json.WriteNumber("lines_per_second", Math.Round(cold));
            json.WriteEndObject();
            json.WriteStartObject("steady_state");
            json.WriteNumber("lines", steadyLines);
            json.WriteNumber("lines_per_second", Math.Round(steady));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        w.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteAccuracy(Utf8JsonWriter json, Parsing.Templates.Evaluation.AccuracyScores a)
    {
        json.WriteNumber("truth_templates", a.TruthTemplates);
        json.WriteNumber("predicted_templates", a.PredictedTemplates);
        json.WriteNumber("ga", a.GA);
        json.WriteNumber("pa", a.PA);
        json.WriteNumber("fga", a.FGA);
        json.WriteNumber("fta", a.FTA);
        json.WriteNumber("pga", a.PGA);
        json.WriteNumber("rga", a.RGA);
        json.WriteNumber("pta", a.PTA);
        json.WriteNumber("rta", a.RTA);
    }
}
