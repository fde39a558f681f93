using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Culprit.Cli.Output;
using Culprit.Model;
using Culprit.Parsing;
using Culprit.Storage;

namespace Culprit.Cli.Commands;

/// <summary><c>culprit incidents [--status S] [--since T] [--service S] [--limit N] [--json]</c>: the stored incidents, largest first.</summary>
public static class IncidentsCommand
{
    public static Command Create(CliConsole console)
    {
        var status = new Option<string?>("--status") { Description = "new, investigating, resolved, regressed or ignored" };
        var since = new Option<string?>("--since") { Description = "Only incidents seen since: a duration (24h, 7d) or an ISO-8601 time" };
        var service = new Option<string?>("--service") { Description = "Only incidents seen in this service" };
        var limit = new Option<int>("--limit") { Description = "At most N incidents", DefaultValueFactory = _ => 50 };
        var json = new Option<bool>("--json") { Description = "Write {\"incidents\": [...]} as JSON" };
        var command = new Command("incidents", "List the stored incidents, largest first") { status, since, service, limit, json };
        command.SetAction(async (parse, cancel) =>
        {
            var filter = new IncidentFilter(
                ParseStatus(parse.GetValue(status)),
                parse.GetValue(since) is { } s ? Since(s) : null,
                parse.GetValue(service),
                parse.GetValue(limit) < 1 ? throw new UsageException("--limit must be at least 1") : parse.GetValue(limit));
            await using var stores = await CliStores.OpenAsync(GlobalOptions.Storage(parse), cancel);
            var incidents = await stores.Incidents.ListIncidentsAsync(filter, cancel);
            if (parse.GetValue(json))
                WriteJson(console.Out, incidents);
            else
                WriteTable(console.Out, incidents);
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static DateTimeOffset Since(string text) =>
        Durations.TryParseSince(text, TimeProvider.System.GetUtcNow(), out var at)
            ? at
            : throw new UsageException($"--since: '{text}' is neither a duration (30m, 24h, 7d) nor an ISO-8601 time");

    private static IncidentStatus? ParseStatus(string? text)
    {
        if (text is null)
            return null;
        return Enum.TryParse<IncidentStatus>(text, ignoreCase: true, out var status) && !int.TryParse(text, out _)
            ? status
            : throw new UsageException($"--status: unknown status '{text}' (use new, investigating, resolved, regressed or ignored)");
    }

    private static void WriteJson(TextWriter writer, IReadOnlyList<IncidentRecord> incidents)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, IncidentJson.Options))
        {
            w.WriteStartObject();
            w.WriteStartArray("incidents");
            foreach (var x in incidents)
            {
                w.WriteStartObject();
                w.WriteString("id", x.Id);
                w.WriteString("fingerprint", x.Fingerprint);
                w.WriteString("title", x.Title);
                w.WriteNumber("count", x.Count);
                JsonTime.Write(w, "first_seen", x.FirstSeen);
                JsonTime.Write(w, "last_seen", x.LastSeen);
                w.WriteString("status", x.Status.ToString().ToLowerInvariant());
                w.WriteStartArray("services");
                foreach (var s in x.Services)
                    w.WriteStringValue(s);
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        writer.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteTable(TextWriter w, IReadOnlyList<IncidentRecord> incidents)
    {
        if (incidents.Count == 0)
        {
            w.WriteLine("No incidents stored. Run 'culprit analyze PATH' first.");
            return;
        }

        w.WriteLine($"{"id",-12}  {"count",9}  {"status",-13}  {"last seen",-19}  title");
        foreach (var x in incidents)
        {
            var last = x.LastSeen is { } l ? l.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "-";
            var title = x.Title.Length > 100 ? x.Title[..99] + "…" : x.Title;
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{x.Id,-12}  {x.Count,9:N0}  {x.Status.ToString().ToLowerInvariant(),-13}  {last,-19}  {title}"));
        }
    }


    internal static LogLevel? Level(string? text) =>
        text is null ? null
        : LevelNames.Parse(text) is var level && level != LogLevel.Unknown ? level
        : throw new UsageException($"--level: unknown level '{text}' (use TRACE, DEBUG, INFO, WARN, ERROR or FATAL)");
}
