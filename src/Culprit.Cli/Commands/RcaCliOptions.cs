using System.CommandLine;
using Culprit.Rca.Llm;

namespace Culprit.Cli.Commands;

/// <summary><c>--engine</c>, <c>--model</c> and <c>--refresh</c>: which analyst writes the root-cause report.</summary>
public sealed class RcaCliOptions
{
    public Option<string?> Engine { get; } = new("--engine") { Description = $"RCA engine: {RcaEngineKinds.AllNames} (default: rca.engine in culprit.yaml, else heuristic)" };

    public Option<string?> Model { get; } = new("--model") { Description = "Model name for an LLM engine (default: rca.model)" };

    public Option<bool> Refresh { get; } = new("--refresh") { Description = "Analyse again even when a report for this incident, version and engine is stored" };

    public void AddTo(Command command)
    {
        command.Options.Add(Engine);
        command.Options.Add(Model);
        command.Options.Add(Refresh);
    }

    /// <summary>The configuration's <c>rca</c> section with the command line's overrides, validated.</summary>
    public RcaOptions Read(ParseResult parse)
    {
        var storage = GlobalOptions.Storage(parse);
        var options = RcaConfiguration.Read(CliConfiguration.Load(parse.GetValue(GlobalOptions.Config)), storage.DataDirectory);
        if (parse.GetValue(Engine) is { } engine)
        {
            if (!RcaEngineKinds.TryParse(engine, out var kind))
                throw new UsageException($"--engine: '{engine}' is not an engine (use {RcaEngineKinds.AllNames})");
            options.Engine = kind;
        }
        if (parse.GetValue(Model) is { } model)
            options.Model = model;
        var problems = options.Validate();
        if (problems.Count > 0)
            throw new UsageException(string.Join("; ", problems));
        return options;
    }

    public bool RefreshRequested(ParseResult parse) => parse.GetValue(Refresh);
}
