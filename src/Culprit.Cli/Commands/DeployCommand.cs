using System.CommandLine;
using System.Globalization;
using Culprit.Cli.Output;
using Culprit.Storage;

namespace Culprit.Cli.Commands;

/// <summary>
/// <c>culprit deploy record --service S --env E --version V --commit SHA [--at T] [--repo DIR]</c> and
/// <c>culprit deploy list [--service S] [--env E] [--json]</c>: the deploys incidents are matched against.
/// </summary>
public static class DeployCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("deploy", "Record and list deploys: which version (and commit) of a service went live where, and when");
        command.Subcommands.Add(Record(console));
        command.Subcommands.Add(List(console));
        return command;
    }

    private static Command Record(CliConsole console)
    {
        var service = new Option<string>("--service") { Description = "The service deployed", Required = true };
        var env = new Option<string>("--env") { Description = "The environment (prod, staging …)", Required = true };
        var version = new Option<string>("--version") { Description = "The version deployed, as the logs or the release name it", Required = true };
        var commit = new Option<string>("--commit") { Description = "The commit deployed: a full SHA, or with --repo any revision (short SHA, tag, branch)", Required = true };
        var at = new Option<string?>("--at") { Description = "When it went live, ISO-8601 (default now)" };
        var repo = new Option<string?>("--repo") { Description = "A git repository (folder or URL) to resolve --commit to a full SHA" };
        var command = new Command("record", "Record a deploy") { service, env, version, commit, at, repo };
        command.SetAction(async (parse, cancel) =>
        {
            var storage = GlobalOptions.Storage(parse);
            var deployedAt = parse.GetValue(at) is { } text ? Time(text) : TimeProvider.System.GetUtcNow();
            var sha = DeployCommit.Resolve(parse.GetValue(commit)!, parse.GetValue(repo), storage.DataDirectory, console.Error);
            var deploy = new DeployRecord(
                NotBlank(parse.GetValue(service), "--service"),
                parse.GetValue(env)!.Trim(),
                NotBlank(parse.GetValue(version), "--version"),
                sha,
                deployedAt);

            await using var stores = await CliStores.OpenAsync(storage, cancel);
            var recorded = await Deploys(stores).RecordDeployAsync(deploy, cancel);
            var where = deploy.Environment.Length == 0 ? deploy.Service : $"{deploy.Service}/{deploy.Environment}";
            console.Out.WriteLine(recorded
                ? $"Recorded {where} {deploy.Version} (commit {sha}) live since {JsonTime.Format(deploy.DeployedAt)}."
                : $"{where} {deploy.Version} live since {JsonTime.Format(deploy.DeployedAt)} was already recorded.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliConsole console)
    {
        var service = new Option<string?>("--service") { Description = "Only this service's deploys" };
        var env = new Option<string?>("--env") { Description = "Only deploys to this environment" };
        var json = new Option<bool>("--json") { Description = "Write {\"deploys\": [...]} as JSON" };
        var command = new Command("list", "List deploys, newest first") { service, env, json };
        command.SetAction(async (parse, cancel) =>
        {
            await using var stores = await CliStores.OpenAsync(GlobalOptions.Storage(parse), cancel);
            var deploys = await Deploys(stores).ListDeploysAsync(parse.GetValue(service), parse.GetValue(env), cancellationToken: cancel);
            if (parse.GetValue(json))
                DeployOutput.WriteJson(console.Out, deploys);
            else
                DeployOutput.WriteTable(console.Out, deploys);
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static DateTimeOffset Time(string text, string option = "--at") =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
        && text.Length >= 10 && char.IsAsciiDigit(text[0])
            ? at
            : throw new UsageException($"{option}: '{text}' is not an ISO-8601 time (for example 2026-03-01T10:15:00Z)");

    private static string NotBlank(string? value, string option) =>
        string.IsNullOrWhiteSpace(value) ? throw new UsageException($"{option} must not be empty") : value.Trim();

    private static IDeployStore Deploys(StoreSet stores) =>
        stores.Incidents as IDeployStore ?? throw new InvalidOperationException($"The incident store ({stores.Description}) does not keep deploys.");
}
