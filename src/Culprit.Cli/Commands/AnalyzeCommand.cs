using System.CommandLine;
using Culprit.Cli.Output;
using Culprit.Ingestion.Files;
using Culprit.Model;
using Culprit.Parsing;
using Culprit.Pipeline;
using Culprit.Storage;
using Spectre.Console;

namespace Culprit.Cli.Commands;

/// <summary><c>culprit analyze PATH...</c>: streams the logs, groups exceptions and error lines into incidents.</summary>
public static class AnalyzeCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("paths") { Description = "Log files, directories (recursive), globs, .gz files, or - for stdin", Arity = ArgumentArity.OneOrMore };
        var options = new AnalyzeCliOptions();
        var command = new Command("analyze", "Find every exception in the logs and group them into incidents") { paths };
        options.AddTo(command);
        command.SetAction((parse, cancel) => RunAsync(console, parse.GetValue(paths)!, options.Read(parse), parse.GetValue(options.NoStore) ? null : GlobalOptions.Storage(parse), cancel, GlobalOptions.Ingest(parse)));
        return command;
    }

    /// <param name="storage">Where to persist the run; null analyzes in memory only.</param>
    /// <param name="deploys">Deploys to use when there is no store (the demo without one); a store's are read from it.</param>
    public static async Task<int> RunAsync(CliConsole console, string[] paths, AnalyzeCliValues values, StorageOptions? storage, CancellationToken cancel, IngestOptions? ingest = null,
        DeployLookup? deploys = null)
    {
        var problems = new List<string>();
        var files = LogFiles.Resolve(paths, problems);
        foreach (var problem in problems)
            console.Error.WriteLine($"culprit: {problem}");
        if (files.Count == 0)
            throw new UsageException(problems.Count > 0 ? "nothing to read: " + string.Join("; ", problems) : "nothing to read");

        var options = values.ToOptions(TimeProvider.System.GetUtcNow());
        var stats = new RunStats { Files = files.Count };
        await using var stores = storage is null ? null : await CliStores.OpenAsync(storage, cancel);
        Func<Task<AnalysisResult>> run = stores is null
            ? () => Analyzer.CreateDefault(values.InApp).RunAsync(files, options, stats, cancel)
            : () => new Ingestor(LogReader.CreateDefault(values.InApp), new Grouping.FingerprinterV1(), stores, ingest ?? new IngestOptions(), TimeProvider.System).RunAsync(files, options, stats, cancel);
        var result = console.IsInteractive && values.Format != "json"
            ? await WithProgressAsync(files, stats, run)
            : await run();

        var shown = result.Incidents.Take(values.Top).ToList();
        var explanations = values.Code is null ? null : await ExplainAsync(console, values, shown, storage, stores, deploys, cancel);
        switch (values.Format)
        {
            case "json":
                using (var buffer = new MemoryStream())
                {
                    IncidentJson.Write(buffer, result, shown, explanations);
                    console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                }

                break;
            case "markdown":
                IncidentText.WriteMarkdown(console.Out, result, shown);
                WriteExplanations(console.Out, shown, explanations, markdown: true);
                break;
            default:
                IncidentText.WriteTable(console.Out, console.IsInteractive, result, shown);
                WriteExplanations(console.Out, shown, explanations, markdown: false);
                break;
        }

        foreach (var problem in stats.Problems)
            console.Error.WriteLine($"culprit: {problem}");
        if (values.Format != "markdown")
            console.Error.WriteLine(IncidentText.Summary(result));
        if (stores is not null)
        {
            var swept = await new RetentionSweeper(stores, storage!, TimeProvider.System).SweepAsync(cancel);
            if (swept.ArchiveChunks + swept.LogEntries + swept.Samples > 0)
                console.Error.WriteLine($"Retention: removed {swept.ArchiveChunks} archive chunk(s), {swept.LogEntries} log entries, {swept.Samples} occurrence samples past their windows.");
            var data = storage!.DataDirectory == new StorageOptions().DataDirectory ? "" : $" --data {storage.DataDirectory}";
            console.Error.WriteLine($"Stored in {stores.Description}; 'culprit incidents{data}' lists the totals over every run.");
        }
        return ExitCodes.Ok;
    }

    private static async Task<Dictionary<string, Culprit.Rca.IncidentExplanation>> ExplainAsync(CliConsole console, AnalyzeCliValues values, IReadOnlyList<Incident> shown,
        StorageOptions? storage, StoreSet? stores, DeployLookup? given, CancellationToken cancel)
    {
        var deploys = stores?.Incidents is IDeployStore deployStore ? await DeployLookup.LoadAsync(deployStore, cancel) : given;
        using var session = CodeSession.Open(values.Code!, (storage ?? new StorageOptions()).DataDirectory, deploys, stores?.CodeIndex);
        using var engine = values.Rca ? CliRcaEngine.Create(values.RcaOptions ?? new Culprit.Rca.Llm.RcaOptions(), stores?.Incidents as Culprit.Rca.Cache.IRcaResultStore, values.Refresh, new Culprit.Rca.CodeViewSymbolLookup(session.Explainer.ViewOf)) : null;
        var explanations = await session.ExplainAsync(shown, engine?.Engine, cancel, stores?.Logs);
        foreach (var warning in session.Warnings)
            console.Error.WriteLine($"culprit: {warning}");
        if (engine?.UsageLine() is { } usage)
            console.Error.WriteLine(usage);
        return explanations;
    }

    private static void WriteExplanations(TextWriter w, IReadOnlyList<Incident> shown, Dictionary<string, Culprit.Rca.IncidentExplanation>? explanations, bool markdown)
    {
        if (explanations is null || explanations.Count == 0)
            return;
        w.WriteLine();
        w.WriteLine(markdown ? "## Code and root cause" : "Code and root cause");
        foreach (var incident in shown)
        {
            if (explanations.TryGetValue(incident.Id, out var x))
                ExplanationText.Write(w, incident, x, markdown);
        }
    }

    private static async Task<AnalysisResult> WithProgressAsync(IReadOnlyList<string> files, RunStats stats, Func<Task<AnalysisResult>> run)
    {
        var total = files.Sum(f => f == LogFiles.Stdin ? 0 : new FileInfo(f).Length);
        AnalysisResult? result = null;
        await AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) })
            .Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("reading logs", maxValue: Math.Max(total, 1));
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var work = run();
                while (!work.IsCompleted)
                {
                    task.Value = Math.Min(stats.Bytes, task.MaxValue);
                    var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
                    task.Description = $"{stats.Lines:N0} lines, {stats.Lines / seconds:N0} lines/s";
                    await Task.WhenAny(work, Task.Delay(150));
                }

                task.Value = task.MaxValue;
                result = await work;
            });
        return result!;
    }
}

/// <summary>The options of <c>analyze</c> (shared with <c>demo</c>).</summary>
public sealed class AnalyzeCliOptions
{
    public Option<string?> Since { get; } = new("--since") { Description = "Only entries newer than this: a duration (30m, 24h, 7d) or an ISO-8601 time" };

    public Option<string?> Level { get; } = new("--level") { Description = "Lowest level to group: TRACE, DEBUG, INFO, WARN, ERROR, FATAL (default: every exception, and log lines at ERROR and above)" };

    public Option<string?> Service { get; } = new("--service") { Description = "Only entries of this service" };

    public Option<string> Format { get; } = new("--format") { Description = "Output: table, json or markdown", DefaultValueFactory = _ => "table" };

    public Option<bool> Json { get; } = new("--json") { Description = "Same as --format json" };

    public Option<bool> NoStore { get; } = new("--no-store") { Description = "Analyze in memory only: store nothing and read every file from its start" };

    public Option<int> Top { get; } = new("--top") { Description = "Show the N largest incidents", DefaultValueFactory = _ => 20 };

    public InAppCliOptions InApp { get; } = new();

    public CodeCliOptions Code { get; } = new();

    public Option<bool> Rca { get; } = new("--rca") { Description = "With --repo: add the root-cause card to each incident (the heuristic analyst unless --engine or rca.engine says otherwise)" };

    public RcaCliOptions Engine { get; } = new();

    private bool _withCode;

    /// <param name="withCode">Add --repo and the RCA options (analyze); the demo brings its own repository.</param>
    public void AddTo(Command command, bool withCode = true)
    {
        _withCode = withCode;
        if (withCode)
        {
            Code.AddTo(command);
            command.Options.Add(Rca);
            Engine.AddTo(command);
        }

        Format.AcceptOnlyFromAmong("table", "json", "markdown");
        command.Options.Add(Since);
        command.Options.Add(Level);
        command.Options.Add(Service);
        command.Options.Add(Format);
        command.Options.Add(Json);
        command.Options.Add(Top);
        command.Options.Add(NoStore);
        InApp.AddTo(command);
    }

    public AnalyzeCliValues Read(ParseResult parse) => new(
        parse.GetValue(Since),
        parse.GetValue(Level),
        parse.GetValue(Service),
        parse.GetValue(Json) ? "json" : parse.GetValue(Format) ?? "table",
        parse.GetValue(Top),
        InApp.Read(parse))
    {
        Code = _withCode ? Code.Read(parse) : null,
        Rca = _withCode && parse.GetValue(Rca),
        RcaOptions = _withCode && parse.GetValue(Rca) ? Engine.Read(parse) : null,
        Refresh = _withCode && Engine.RefreshRequested(parse),
    };
}

public sealed record AnalyzeCliValues(string? Since, string? Level, string? Service, string Format, int Top, Culprit.Exceptions.InAppRules InApp)
{
    /// <summary>The repository to point incidents at; null without --repo.</summary>
    public CodeCliValues? Code { get; init; }

    /// <summary>Add the RCA card (needs <see cref="Code"/>).</summary>
    public bool Rca { get; init; }

    /// <summary>The engine's configuration when <see cref="Rca"/> is set.</summary>
    public Culprit.Rca.Llm.RcaOptions? RcaOptions { get; init; }

    public bool Refresh { get; init; }

    public AnalyzeOptions ToOptions(DateTimeOffset now)
    {
        if (Top < 1)
            throw new UsageException($"--top must be at least 1 (got {Top})");
        if (Rca && Code is null)
            throw new UsageException("--rca needs --repo: the repository of the failing service");
        var options = new AnalyzeOptions { Service = Service };
        if (Since is not null)
        {
            if (!Durations.TryParseSince(Since, now, out var since))
                throw new UsageException($"--since: '{Since}' is neither a duration (30m, 24h, 7d) nor an ISO-8601 time");
            options.Since = since;
        }

        if (Level is not null)
        {
            var level = LevelNames.Parse(Level);
            if (level == LogLevel.Unknown)
                throw new UsageException($"--level: unknown level '{Level}' (use TRACE, DEBUG, INFO, WARN, ERROR or FATAL)");
            options.Grouping.MessageLevel = level;
            options.Grouping.ExceptionLevel = level;
        }

        return options;
    }
}
