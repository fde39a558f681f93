using System.CommandLine;
using Culprit.Cli.Output;
using Culprit.Storage;
using Culprit.Storage.Feedback;

namespace Culprit.Cli.Commands;

/// <summary>
/// <c>culprit feedback RCA_ID --verdict accept|reject|partially_correct [--notes TEXT] [--user NAME]</c> and
/// <c>culprit feedback list [--incident ID] [--limit N] [--json]</c>: analysts' verdicts on stored analyses.
/// </summary>
public static class FeedbackCommand
{
    private const string ListHint = "'culprit feedback list' shows the ids of the stored analyses";

    public static Command Create(CliConsole console)
    {
        var rcaId = new Argument<string>("RCA_ID") { Description = "The id of a stored analysis (see 'culprit feedback list')" };
        var verdict = new Option<string>("--verdict") { Description = "accept, reject or partially_correct", Required = true };
        var notes = new Option<string?>("--notes") { Description = "What was right or wrong" };
        var user = new Option<string?>("--user") { Description = "Who judged (default: the USER environment variable)" };
        var command = new Command("feedback", "Record a verdict on a stored root-cause analysis, or list analyses and their verdicts") { rcaId, verdict, notes, user };
        command.Subcommands.Add(List(console));
        command.SetAction(async (parse, cancel) =>
        {
            var text = parse.GetValue(verdict);
            if (!FeedbackVerdicts.TryParse(text, out var judged))
                throw new UsageException($"--verdict: unknown verdict '{text}' (use {FeedbackVerdicts.Accept}, {FeedbackVerdicts.Reject} or {FeedbackVerdicts.PartiallyCorrect})");
            var who = parse.GetValue(user) ?? Environment.GetEnvironmentVariable("USER");

            await using var stores = await CliStores.OpenAsync(GlobalOptions.Storage(parse), cancel);
            FeedbackRecord recorded;
            try
            {
                recorded = await Store(stores).RecordFeedbackAsync(parse.GetValue(rcaId)!, judged, parse.GetValue(notes), who, cancel);
            }
            catch (ArgumentException e)
            {
                throw new UsageException($"{e.Message}; {ListHint}");
            }

            console.Out.WriteLine($"Recorded {FeedbackVerdicts.ToText(recorded.Verdict)} on analysis {recorded.RcaId} (incident {recorded.IncidentId}, engine {recorded.Engine}).");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliConsole console)
    {
        var incident = new Option<string?>("--incident") { Description = "Only this incident's analyses" };
        var limit = new Option<int>("--limit") { Description = "At most N analyses, newest first", DefaultValueFactory = _ => 50 };
        var json = new Option<bool>("--json") { Description = "Write {\"analyses\": [...], \"engines\": [...]} as JSON" };
        var command = new Command("list", "List stored analyses (with their ids), the verdicts on them and the counts per engine") { incident, limit, json };
        command.SetAction(async (parse, cancel) =>
        {
            var max = parse.GetValue(limit) < 1 ? throw new UsageException("--limit must be at least 1") : parse.GetValue(limit);
            await using var stores = await CliStores.OpenAsync(GlobalOptions.Storage(parse), cancel);
            var store = Store(stores);
            var analyses = await store.ListRcaResultsAsync(parse.GetValue(incident), max, cancel);
            var feedback = await store.ListIncidentFeedbackAsync(parse.GetValue(incident), cancel);
            var view = new FeedbackView(analyses, feedback);
            if (parse.GetValue(json))
                FeedbackOutput.WriteJson(console.Out, view);
            else
                FeedbackOutput.WriteText(console.Out, view);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static IFeedbackStore Store(StoreSet stores) =>
        stores.Incidents as IFeedbackStore ?? throw new InvalidOperationException($"The incident store ({stores.Description}) does not keep feedback.");
}
