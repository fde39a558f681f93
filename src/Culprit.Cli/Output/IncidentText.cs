using System.Globalization;
using Culprit.Model;
using Culprit.Pipeline;
using Spectre.Console;

namespace Culprit.Cli.Output;

/// <summary>Readable renderings of incidents: a terminal table and Markdown.</summary>
public static class IncidentText
{
    private const int TraceLinesShown = 12;

    public static void WriteTable(TextWriter writer, bool color, AnalysisResult result, IReadOnlyList<Incident> shown)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = color ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!color)
            console.Profile.Width = 160;

        if (shown.Count == 0)
        {
            console.WriteLine("No incidents found.");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title($"{result.Incidents.Count} incident(s), top {shown.Count} by count");
        table.AddColumn("#");
        table.AddColumn("id");
        table.AddColumn(new TableColumn("count").RightAligned());
        table.AddColumn("title");
        table.AddColumn("culprit");
        table.AddColumn("first seen");
        table.AddColumn("last seen");
        table.AddColumn("services");
        for (var i = 0; i < shown.Count; i++)
        {
            var incident = shown[i];
            table.AddRow(
                (i + 1).ToString(CultureInfo.InvariantCulture),
                incident.Id,
                incident.Count.ToString("N0", CultureInfo.InvariantCulture),
                Markup.Escape(Shorten(incident.Title, 70)),
                Markup.Escape(Shorten(FrameText(incident.CulpritFrame), 60)),
                Time(incident.FirstSeen),
                Time(incident.LastSeen),
                Markup.Escape(string.Join(", ", incident.Services)));
        }

        console.Write(table);
        foreach (var (incident, index) in shown.Select((x, i) => (x, i)))
        {
            console.WriteLine();
            console.MarkupLine($"[bold]#{index + 1} {incident.Id}[/] × {incident.Count.ToString("N0", CultureInfo.InvariantCulture)}  {Markup.Escape(incident.Title)}");
            if (incident.CulpritFrame is { } frame)
                console.MarkupLine($"  culprit: [yellow]{Markup.Escape(FrameText(frame))}[/]");
            console.MarkupLine($"  first occurrence: {Markup.Escape(incident.Representative.Id)}");
            foreach (var line in TraceExcerpt(incident))
                console.WriteLine("    " + line);
            if (incident.RelatedTemplates.Count > 0)
            {
                console.MarkupLine("  related log templates (same trace/request):");
                foreach (var related in incident.RelatedTemplates)
                    console.WriteLine($"    {related.Count.ToString("N0", CultureInfo.InvariantCulture),7} × {Shorten(related.Text, 150)}");
            }
        }
    }

    public static void WriteMarkdown(TextWriter w, AnalysisResult result, IReadOnlyList<Incident> shown)
    {
        w.WriteLine($"# Culprit: {result.Incidents.Count} incident(s)");
        w.WriteLine();
        w.WriteLine("| # | id | count | title | culprit | first seen | last seen | services |");
        w.WriteLine("|---|----|------:|-------|---------|------------|-----------|----------|");
        for (var i = 0; i < shown.Count; i++)
        {
            var x = shown[i];
            w.WriteLine($"| {i + 1} | `{x.Id}` | {x.Count} | {Cell(Shorten(x.Title, 100))} | {Cell(FrameText(x.CulpritFrame))} | {Time(x.FirstSeen)} | {Time(x.LastSeen)} | {Cell(string.Join(", ", x.Services))} |");
        }

        foreach (var (x, i) in shown.Select((x, i) => (x, i)))
        {
            w.WriteLine();
            w.WriteLine($"## {i + 1}. {Cell(x.Title)}");
            w.WriteLine();
            w.WriteLine($"- **id** `{x.Id}` · **count** {x.Count} · **first seen** {Time(x.FirstSeen)} · **last seen** {Time(x.LastSeen)}");
            if (x.CulpritFrame is { } frame)
                w.WriteLine($"- **culprit** `{FrameText(frame)}`");
            w.WriteLine($"- **first occurrence** `{x.Representative.Id}`");
            w.WriteLine();
            w.WriteLine("```");
            foreach (var line in TraceExcerpt(x))
                w.WriteLine(line);
            w.WriteLine("```");
            if (x.RelatedTemplates.Count > 0)
            {
                w.WriteLine();
                w.WriteLine("Related log templates (same trace/request):");
                w.WriteLine();
                w.WriteLine("| count | template |");
                w.WriteLine("|------:|----------|");
                foreach (var related in x.RelatedTemplates)
                    w.WriteLine($"| {related.Count} | `{Cell(Shorten(related.Text, 200)).Replace("`", "'", StringComparison.Ordinal)}` |");
            }
        }

        w.WriteLine();
        w.WriteLine(Summary(result));
    }

    public static string Summary(AnalysisResult r)
    {
        var s = r.Stats;
        var seconds = Math.Max(r.Elapsed.TotalSeconds, 1e-6);
        return string.Create(CultureInfo.InvariantCulture,
            $"Read {s.Lines:N0} lines ({s.Bytes / 1048576.0:N1} MB) from {s.Files} file(s) in {r.Elapsed.TotalSeconds:N2} s ({s.Lines / seconds:N0} lines/s, {s.Bytes / 1048576.0 / seconds:N1} MB/s): "
            + $"{s.Entries:N0} entries, {s.Exceptions:N0} exceptions, {r.Occurrences:N0} occurrences in {r.Incidents.Count:N0} incidents; {s.Partial:N0} partial entries, {s.Skipped:N0} skipped lines.");
    }

    public static string FrameText(Frame? frame)
    {
        if (frame is null)
            return "";
        var name = frame.Module is null ? frame.Function ?? "" : $"{frame.Module}.{frame.Function}";
        var location = frame.File is null ? "" : frame.Line is { } line ? $" ({frame.File}:{line})" : $" ({frame.File})";
        return name + location;
    }

    private static IEnumerable<string> TraceExcerpt(Incident incident)
    {
        var text = incident.RepresentativeException?.Raw ?? incident.Representative.Message;
        var lines = text.Split('\n');
        foreach (var line in lines.Take(TraceLinesShown))
            yield return Shorten(line.TrimEnd('\r'), 200);
        if (lines.Length > TraceLinesShown)
            yield return $"... {lines.Length - TraceLinesShown} more line(s)";
    }

    private static string Time(DateTimeOffset? t) =>
        t is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "-";

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static string Cell(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
