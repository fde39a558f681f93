using System.CommandLine;
using Culprit.Code.Mapping;
using Microsoft.Extensions.Configuration;

namespace Culprit.Cli.Commands;

/// <summary><c>--repo</c>, <c>--commit</c>, <c>--previous</c> and <c>--map</c>: where the code of the logs lives.</summary>
public sealed class CodeCliOptions
{
    public Option<string?> Repo { get; } = new("--repo") { Description = "The service's git repository: a local clone, or a URL cloned into the data folder's cache" };

    public Option<string?> Commit { get; } = new("--commit") { Description = "The commit, tag or branch that produced the logs (default: the logs' commit field, then the deploy recorded for the time, then HEAD)" };

    public Option<string?> Previous { get; } = new("--previous") { Description = "The previously deployed commit, for suspect changes (default: the deploy before the incident's version)" };

    public Option<string[]> Map { get; } = new("--map") { Description = "Code mapping FROM=TO from a deployed path prefix to a repository path (repeatable), e.g. --map /app/=src/" };

    public void AddTo(Command command)
    {
        command.Options.Add(Repo);
        command.Options.Add(Commit);
        command.Options.Add(Previous);
        command.Options.Add(Map);
    }

    /// <summary>The values, or null when no --repo was given; --commit/--previous/--map without --repo are a usage error.</summary>
    public CodeCliValues? Read(ParseResult parse)
    {
        // culprit.yaml's code.repo and code.mappings are the defaults; the command line adds to and overrides them.
        var code = CliConfiguration.Load(parse.GetValue(GlobalOptions.Config)).GetSection("code");
        var repo = parse.GetValue(Repo) ?? code["repo"];
        var commit = parse.GetValue(Commit);
        var previous = parse.GetValue(Previous);
        var maps = code.GetSection("mappings").GetChildren().Select(c => c.Value ?? "").Concat(parse.GetValue(Map) ?? []).ToArray();
        if (repo is null)
        {
            if (commit is not null || previous is not null || maps.Length > 0)
                throw new UsageException("--commit, --previous and --map need --repo (or code.repo in culprit.yaml)");
            return null;
        }
        var mappings = new List<CodeMapping>();
        foreach (var map in maps)
        {
            var mapping = CodeMapping.TryParse(map, out var error) ?? throw new UsageException($"--map / code.mappings: {error}");
            mappings.Add(mapping);
        }
        return new CodeCliValues(repo, commit, previous, mappings);
    }
}

public sealed record CodeCliValues(string Repo, string? Commit, string? Previous, IReadOnlyList<CodeMapping> Mappings);
