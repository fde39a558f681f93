using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Culprit.Cli.Output;
using Culprit.Parsing.Templates;

namespace Culprit.Cli.Templates;

/// <summary>The three outputs of <c>culprit templates</c>: per-line CSV, the templates as a table or as JSON.</summary>
public static class TemplateOutput
{
    public const string CsvHeader = "LineId,EventId,EventTemplate,ParameterList";

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One CSV row: the 1-based line number, the template id and text, the parameters as a JSON array of strings.</summary>
    public static void WriteCsvRow(TextWriter w, long lineId, in TemplateMatch match)
    {
        Csv.WriteRow(w, lineId.ToString(CultureInfo.InvariantCulture), match.Template.Id, match.Template.Text, ParameterList(match));
    }

    public static string ParameterList(in TemplateMatch match)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Compact))
        {
            json.WriteStartArray();
            for (var i = 0; i < match.ParameterCount; i++)
                json.WriteStringValue(match.ParameterSpan(i));
            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Templates with their counts, largest first.</summary>
    public static void WriteTable(TextWriter w, IReadOnlyList<Template> templates)
    {
        var width = Math.Max(5, templates.Count == 0 ? 0 : templates.Max(t => t.Count).ToString("N0", CultureInfo.InvariantCulture).Length);
        w.WriteLine($"{"count".PadLeft(width)}  {"id",-16}  template");
        foreach (var t in Ordered(templates))
            w.WriteLine($"{t.Count.ToString("N0", CultureInfo.InvariantCulture).PadLeft(width)}  {t.Id}  {t.Text}");
    }

    /// <summary><c>{"templates": [{id, template, count, first_seen, last_seen, parameters, examples}]}</c>, largest first.</summary>
    public static void WriteJson(Stream stream, IReadOnlyList<Template> templates)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartArray("templates");
        foreach (var t in Ordered(templates))
        {
            json.WriteStartObject();
            json.WriteString("id", t.Id);
            json.WriteString("template", t.Text);
            json.WriteNumber("count", t.Count);
            JsonTime.Write(json, "first_seen", t.FirstSeen);
            JsonTime.Write(json, "last_seen", t.LastSeen);
            json.WriteNumber("parameters", t.ParameterCount);
            json.WriteStartArray("examples");
            foreach (var example in t.Examples)
                json.WriteStringValue(example);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static IEnumerable<Template> Ordered(IReadOnlyList<Template> templates) =>
        templates.OrderByDescending(t => t.Count).ThenBy(t => t.Text, StringComparer.Ordinal);
}
