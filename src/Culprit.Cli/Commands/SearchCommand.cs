using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Culprit.Cli.Output;
using Culprit.Storage;

namespace Culprit.Cli.Commands;

/// <summary><c>culprit search QUERY [filters] [--json]</c>: stored log entries whose message holds the words, newest first.</summary>
public static class SearchCommand
{
    public static Command Create(CliConsole console)
    {
        var text = new Argument<string?>("query") { Description = "Words the message must contain (case-insensitive); empty for any", Arity = ArgumentArity.ZeroOrOne };
        var service = new Option<string?>("--service") { Description = "Only this service" };
        var environment = new Option<string?>("--env") { Description = "Only this environment" };
        var level = new Option<string?>("--level") { Description = "Lowest level" };
        var since = new Option<string?>("--since") { Description = "From: a duration (24h) or an ISO-8601 time" };
        var until = new Option<string?>("--until") { Description = "To (exclusive): an ISO-8601 time" };
        var incident = new Option<string?>("--incident") { Description = "Only entries of this incident" };
        var trace = new Option<string?>("--trace") { Description = "Only entries of this trace id" };
        var limit = new Option<int>("--limit") { Description = "At most N entries", DefaultValueFactory = _ => 50 };
        var json = new Option<bool>("--json") { Description = "Write {\"entries\": [...]} as JSON" };
        var command = new Command("search", "Search the stored log entries") { text, service, environment, level, since, until, incident, trace, limit, json };
        command.SetAction(async (parse, cancel) =>
        {
            var query = new LogQuery
            {
                Text = parse.GetValue(text),
                Service = parse.GetValue(service),
                Environment = parse.GetValue(environment),
                MinLevel = IncidentsCommand.Level(parse.GetValue(level)),
                From = parse.GetValue(since) is { } s ? IncidentsCommand.Since(s) : null,
                To = parse.GetValue(until) is { } u ? Until(u) : null,
                IncidentId = parse.GetValue(incident),
                TraceId = parse.GetValue(trace),
                Limit = parse.GetValue(limit) < 1 ? throw new UsageException("--limit must be at least 1") : parse.GetValue(limit),
            };
            await using var stores = await CliStores.OpenAsync(GlobalOptions.Storage(parse), cancel);
            var rows = await stores.Logs.SearchAsync(query, cancel);
            if (parse.GetValue(json))
                WriteJson(console.Out, rows);
            else
                WriteText(console.Out, rows);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static DateTimeOffset Until(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : throw new UsageException($"--until: '{text}' is not an ISO-8601 time");

    private static void WriteText(TextWriter w, IReadOnlyList<LogRow> rows)
    {
        if (rows.Count == 0)
        {
            w.WriteLine("No entries match.");
            return;
        }

        foreach (var r in rows)
        {
            var at = r.Timestamp is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) : "-";
            var message = r.Message.Split('\n')[0];
            w.WriteLine($"{at} {r.Level.ToString().ToUpperInvariant(),-5} {r.Service ?? "-"} {message}  [{r.Source}:{r.Line}{(r.IncidentId is null ? "" : " incident " + r.IncidentId)}]");
        }
    }

    private static void WriteJson(TextWriter writer, IReadOnlyList<LogRow> rows)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, IncidentJson.Options))
        {
            w.WriteStartObject();
            w.WriteStartArray("entries");
            foreach (var r in rows)
            {
                w.WriteStartObject();
                w.WriteString("id", $"{r.Source}:{r.Line}");
                JsonTime.Write(w, "timestamp", r.Timestamp);
                w.WriteString("level", r.Level.ToString().ToUpperInvariant());
                w.WriteString("service", r.Service);
                w.WriteString("environment", r.Environment);
                w.WriteString("message", r.Message);
                w.WriteString("exception_type", r.ExceptionType);
                w.WriteString("incident", r.IncidentId);
                w.WriteString("trace_id", r.TraceId);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        writer.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
