using System.CommandLine;
using System.Text.Json;
using Culprit.Cli.Output;
using Culprit.Exceptions;
using Culprit.Model;
using Culprit.Pipeline;
using Culprit.Rca;
using Culprit.Storage;

namespace Culprit.Cli.Commands;

/// <summary><c>culprit rca INCIDENT|--trace FILE --repo DIR</c>: the root-cause report of one incident or one trace.</summary>
public static class RcaCommand
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliConsole console)
    {
        var incident = new Argument<string?>("incident") { Description = "Incident id (from 'culprit incidents'), or use --trace", Arity = ArgumentArity.ZeroOrOne };
        var trace = new Option<string?>("--trace") { Description = "A file holding one exception with its stack trace (a log excerpt)" };
        var json = new Option<bool>("--json") { Description = "Write the report (the brief's schema) with the code context as JSON" };
        var code = new CodeCliOptions();
        var engine = new RcaCliOptions();
        var command = new Command("rca", "Explain the root cause of one incident against the code of the deployed commit") { incident, trace, json };
        code.AddTo(command);
        engine.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var values = code.Read(parse) ?? throw new UsageException("rca needs --repo: the repository of the failing service");
            return await RunAsync(console, parse.GetValue(incident), parse.GetValue(trace), values, parse.GetValue(json), GlobalOptions.Storage(parse),
                engine.Read(parse), engine.RefreshRequested(parse), cancel);
        });
        return command;
    }

    public static async Task<int> RunAsync(CliConsole console, string? incidentId, string? traceFile, CodeCliValues code, bool json, StorageOptions storage,
        Culprit.Rca.Llm.RcaOptions options, bool refresh, CancellationToken cancel)
    {
        if ((incidentId is null) == (traceFile is null))
            throw new UsageException("give either an incident id or --trace FILE");
        // A trace file needs no store: one is read when it exists (its deploys, code index and cached reports), never created.
        await using var stores = traceFile is not null && storage.IsEmbedded && !File.Exists(Path.Combine(storage.DataDirectory, "incidents.db"))
            ? null
            : await CliStores.OpenAsync(storage, cancel);
        var incident = traceFile is not null ? FromTrace(traceFile) : await FromStoreAsync(incidentId!, stores!, cancel);
        var deploys = stores?.Incidents is IDeployStore deployStore ? await DeployLookup.LoadAsync(deployStore, cancel) : null;
        using var session = CodeSession.Open(code, storage.DataDirectory, deploys, stores?.CodeIndex);
        // Reports are cached per stored incident; a trace from a file is not one.
        using var engine = CliRcaEngine.Create(options, traceFile is null ? stores?.Incidents as Culprit.Rca.Cache.IRcaResultStore : null, refresh,
            new Culprit.Rca.CodeViewSymbolLookup(session.Explainer.ViewOf));
        var related = await CodeSession.RelatedAsync(stores?.Logs, incident.Representative, cancel);
        var explanation = await session.Explainer.ExplainAsync(incident, engine.Engine, related, cancel);
        foreach (var warning in session.Warnings)
            console.Error.WriteLine($"culprit: {warning}");
        if (engine.UsageLine() is { } usage)
            console.Error.WriteLine(usage);
        if (json)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer, JsonOptions))
            {
                w.WriteStartObject();
                w.WriteString("incident_id", incident.Id);
                w.WriteString("title", incident.Title);
                ExplanationJson.Write(w, explanation);
                w.WriteEndObject();
            }
            console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
        else
        {
            ExplanationText.Write(console.Out, incident, explanation, markdown: false);
        }
        return ExitCodes.Ok;
    }

    private static Incident FromTrace(string path)
    {
        if (!File.Exists(path))
            throw new UsageException($"--trace: {path} does not exist");
        var stats = new RunStats { Files = 1 };
        foreach (var entry in LogReader.CreateDefault(null).Read(path, stats))
        {
            if (entry.Exception is not { } exception)
                continue;
            var root = exception.Root;
            return new Incident
            {
                Id = "trace",
                Fingerprint = "",
                GroupingVersion = "",
                Basis = "frames",
                Title = $"{root.Type}: {root.Message}".TrimEnd(' ', ':'),
                Count = 1,
                FirstSeen = entry.Timestamp,
                LastSeen = entry.Timestamp,
                Representative = entry,
                RepresentativeException = exception,
            };
        }
        throw new UsageException($"--trace: no exception with a stack trace found in {path}");
    }

    private static async Task<LogRow?> RepresentativeRowAsync(StoreSet stores, IncidentRecord record, CancellationToken cancel)
    {
        try
        {
            var rows = await stores.Logs.SearchAsync(new LogQuery { IncidentId = record.Id, Limit = 50 }, cancel);
            return rows.FirstOrDefault(r => $"{r.Source}:{r.Line}" == record.RepresentativeId) ?? (rows.Count > 0 ? rows[0] : null);
        }
        catch (StorageException)
        {
            return null;
        }
    }

    private static async Task<Incident> FromStoreAsync(string id, StoreSet stores, CancellationToken cancel)
    {
        var record = await stores.Incidents.GetIncidentAsync(id, cancel)
            ?? throw new UsageException($"no incident '{id}' in {stores.Description}; 'culprit incidents' lists them");
        var entry = new LogEntry
        {
            Message = record.RepresentativeMessage,
            Level = LogLevel.Error,
            Service = record.Services.Count > 0 ? record.Services[0] : null,
            Version = record.Versions.Count > 0 ? record.Versions[^1] : null,
            Timestamp = record.FirstSeen,
        };
        // The stored log row of the representative occurrence has what the record lacks: fields, trace id, commit.
        if (await RepresentativeRowAsync(stores, record, cancel) is { } row)
        {
            entry.Message = row.Message;
            entry.Timestamp = row.Timestamp ?? entry.Timestamp;
            entry.Service = row.Service ?? entry.Service;
            entry.Environment = row.Environment;
            entry.Version = row.Version ?? entry.Version;
            entry.CommitSha = row.CommitSha;
            entry.TraceId = row.TraceId;
            entry.RequestId = row.RequestId;
            entry.TemplateParameters = row.TemplateParameters;
            entry.Position = new SourcePosition(row.Source, row.Line, row.LastLine, row.ByteOffset);
            foreach (var (key, value) in row.Attributes)
                entry.Attributes[key] = value;
        }
        var exception = record.RepresentativeExceptionJson is { } text ? ExceptionJsonReader.Read(text) : null;
        if (exception is not null)
            entry.Exceptions.Add(exception);
        var incident = new Incident
        {
            Id = record.Id,
            Fingerprint = record.Fingerprint,
            GroupingVersion = record.GroupingVersion,
            Basis = record.Basis,
            Title = record.Title,
            Count = record.Count,
            FirstSeen = record.FirstSeen,
            LastSeen = record.LastSeen,
            Representative = entry,
            RepresentativeException = exception,
        };
        foreach (var version in record.Versions)
            incident.VersionsSeen.Add(version);
        return incident;
    }
}
