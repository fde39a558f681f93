using System.Globalization;
using System.Text.Json;
using Culprit.Storage.Feedback;

namespace Culprit.Cli.Output;

/// <summary>The feedback list as text or as JSON (schema in docs/cli.md).</summary>
internal static class FeedbackOutput
{
    public static void WriteJson(TextWriter writer, FeedbackView view)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, IncidentJson.Options))
        {
            w.WriteStartObject();
            w.WriteStartArray("analyses");
            foreach (var a in view.Analyses)
            {
                w.WriteStartObject();
                w.WriteString("id", a.Id);
                w.WriteString("incident_id", a.IncidentId);
                w.WriteString("engine", a.Engine);
                w.WriteString("version", a.Version);
                w.WriteString("suspected_file", a.SuspectedFile);
                w.WriteString("suspected_symbol", a.SuspectedSymbol);
                if (a.Confidence is { } confidence)
                    w.WriteNumber("confidence", confidence);
                else
                    w.WriteNull("confidence");
                w.WriteString("fallback_reason", a.FallbackReason);
                JsonTime.Write(w, "created_at", a.CreatedAt);
                w.WriteStartArray("feedback");
                foreach (var f in view.Verdicts[a.Id])
                {
                    w.WriteStartObject();
                    w.WriteString("id", f.Id);
                    w.WriteString("verdict", FeedbackVerdicts.ToText(f.Verdict));
                    w.WriteString("notes", f.Notes);
                    w.WriteString("user", f.User);
                    JsonTime.Write(w, "created_at", f.CreatedAt);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("engines");
            foreach (var e in view.Engines)
            {
                w.WriteStartObject();
                w.WriteString("engine", e.Engine);
                w.WriteNumber("accept", e.Accepted);
                w.WriteNumber("reject", e.Rejected);
                w.WriteNumber("partially_correct", e.PartiallyCorrect);
                w.WriteNumber("total", e.Total);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        writer.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    public static void WriteText(TextWriter w, FeedbackView view)
    {
        if (view.Analyses.Count == 0)
        {
            w.WriteLine("No analyses stored. Analyses are stored when an incident's root cause is analysed.");
            return;
        }

        w.WriteLine($"{"analysis id",-32}  {"incident",-12}  {"engine",-20}  {"created at",-24}  {"suspect",-30}  feedback");
        foreach (var a in view.Analyses)
        {
            var suspect = a.SuspectedSymbol ?? a.SuspectedFile ?? "-";
            w.WriteLine($"{a.Id,-32}  {a.IncidentId,-12}  {a.Engine,-20}  {JsonTime.Format(a.CreatedAt),-24}  {suspect,-30}  {Counts(view.Verdicts[a.Id])}");
            foreach (var f in view.Verdicts[a.Id])
            {
                var notes = f.Notes is null ? "" : $": {f.Notes}";
                w.WriteLine($"    {JsonTime.Format(f.CreatedAt)}  {FeedbackVerdicts.ToText(f.Verdict)} by {f.User ?? "unknown"}{notes}");
            }
        }

        w.WriteLine();
        w.WriteLine($"{"engine",-20}  {"accept",6}  {"reject",6}  {"partial",7}  {"total",5}");
        foreach (var e in view.Engines)
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.Engine,-20}  {e.Accepted,6}  {e.Rejected,6}  {e.PartiallyCorrect,7}  {e.Total,5}"));
    }

    private static string Counts(IEnumerable<FeedbackRecord> verdicts)
    {
        var parts = verdicts
            .GroupBy(f => f.Verdict)
            .OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {FeedbackVerdicts.ToText(g.Key)}"))
            .ToList();
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }
}
