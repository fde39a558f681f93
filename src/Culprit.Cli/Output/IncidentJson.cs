using System.Text.Encodings.Web;
using System.Text.Json;
using Culprit.Exceptions;
using Culprit.Model;
using Culprit.Pipeline;

namespace Culprit.Cli.Output;

/// <summary>The <c>culprit analyze --json</c> document (schema in docs/cli.md).</summary>
public static class IncidentJson
{
    public static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Stream stream, AnalysisResult result, IReadOnlyList<Incident> shown, IReadOnlyDictionary<string, Culprit.Rca.IncidentExplanation>? explanations = null)
    {
        using var w = new Utf8JsonWriter(stream, Options);
        w.WriteStartObject();
        w.WriteString("grouping", "v2");
        WriteSummary(w, result);
        w.WriteStartArray("incidents");
        foreach (var incident in shown)
            WriteIncident(w, incident, explanations);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter w, AnalysisResult result)
    {
        var s = result.Stats;
        w.WriteStartObject("summary");
        w.WriteNumber("files", s.Files);
        w.WriteNumber("lines", s.Lines);
        w.WriteNumber("bytes", s.Bytes);
        w.WriteNumber("entries", s.Entries);
        w.WriteNumber("exceptions", s.Exceptions);
        w.WriteNumber("occurrences", result.Occurrences);
        w.WriteNumber("incidents", result.Incidents.Count);
        w.WriteNumber("partial_entries", s.Partial);
        w.WriteNumber("skipped_lines", s.Skipped);
        w.WriteNumber("seconds", Math.Round(result.Elapsed.TotalSeconds, 3));
        w.WriteStartArray("problems");
        foreach (var problem in s.Problems)
            w.WriteStringValue(problem);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteIncident(Utf8JsonWriter w, Incident incident, IReadOnlyDictionary<string, Culprit.Rca.IncidentExplanation>? explanations)
    {
        w.WriteStartObject();
        w.WriteString("id", incident.Id);
        w.WriteString("fingerprint", incident.Fingerprint);
        w.WriteString("grouping", incident.GroupingVersion);
        w.WriteString("basis", incident.Basis);
        w.WriteString("title", incident.Title);
        w.WriteNumber("count", incident.Count);
        JsonTime.Write(w, "first_seen", incident.FirstSeen);
        JsonTime.Write(w, "last_seen", incident.LastSeen);
        w.WriteString("status", incident.Status.ToString().ToLowerInvariant());
        WriteStrings(w, "services", incident.Services);
        WriteStrings(w, "versions", incident.VersionsSeen);
        w.WritePropertyName("culprit");
        if (incident.CulpritFrame is { } f)
        {
            w.WriteStartObject();
            w.WriteString("function", f.Function);
            w.WriteString("module", f.Module);
            w.WriteString("file", f.File);
            if (f.Line is { } line)
                w.WriteNumber("line", line);
            else
                w.WriteNull("line");
            w.WriteBoolean("in_app", f.InApp);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNullValue();
        }

        w.WriteStartObject("representative");
        w.WriteString("id", incident.Representative.Id);
        w.WriteString("level", incident.Representative.Level.ToString().ToUpperInvariant());
        w.WriteString("message", incident.Representative.Message.Length > 2000 ? incident.Representative.Message[..2000] : incident.Representative.Message);
        if (incident.RepresentativeException is { } exception)
        {
            w.WritePropertyName("exception");
            ExceptionJson.Write(w, incident.Representative.Position.Source, exception);
        }

        w.WriteEndObject();
        w.WriteStartObject("counts_per_hour");
        foreach (var (hour, count) in incident.CountsPerHour)
            w.WriteNumber(hour.UtcDateTime.ToString("yyyy-MM-dd'T'HH':00:00Z'", System.Globalization.CultureInfo.InvariantCulture), count);
        w.WriteEndObject();
        WriteStrings(w, "occurrences", incident.OccurrenceIds);
        w.WriteBoolean("occurrences_truncated", incident.OccurrenceIds.Count < incident.Count);
        w.WriteStartArray("related_templates");
        foreach (var related in incident.RelatedTemplates)
        {
            w.WriteStartObject();
            w.WriteString("template_id", related.TemplateId);
            w.WriteString("template", related.Text);
            w.WriteNumber("count", related.Count);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (explanations is not null && explanations.TryGetValue(incident.Id, out var explanation))
            ExplanationJson.Write(w, explanation);
        w.WriteEndObject();
    }


    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
            w.WriteStringValue(value);
        w.WriteEndArray();
    }
}
