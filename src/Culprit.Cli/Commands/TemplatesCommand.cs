using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Culprit.Cli.Templates;
using Culprit.Parsing.Templates;

namespace Culprit.Cli.Commands;

/// <summary>
/// <c>culprit templates FILE [--content-only] [--log-format FMT] [--output csv|json|table]</c>: mines the
/// templates of one log. With <c>--output csv</c>, one row per line (<c>LineId,EventId,EventTemplate,ParameterList</c>)
/// with the templates as they stand once the whole file is read.
/// </summary>
public static class TemplatesCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "A log file (.gz read transparently), or - for stdin" };
        var contentOnly = new Option<bool>("--content-only") { Description = "Each line is the message itself: no header to take off" };
        var logFormat = new Option<string?>("--log-format")
        {
            Description = "Header layout in loghub's placeholder syntax, e.g. '<Date> <Time> <Level> <Component>: <Content>' (text between placeholders is a regex fragment)",
        };
        var output = new Option<string>("--output") { Description = "csv: one row per line; json: the templates; table (default): templates with counts", DefaultValueFactory = _ => "table" };
        output.AcceptOnlyFromAmong("table", "csv", "json");
        var command = new Command("templates", "Mine the message templates of a log (Received block <*> of size <*> from <*>)") { file, contentOnly, logFormat, output };
        command.SetAction(parse => Run(console, parse.GetValue(file)!, parse.GetValue(contentOnly), parse.GetValue(logFormat), parse.GetValue(output)!));
        return command;
    }

    public static int Run(CliConsole console, string path, bool contentOnly, string? logFormat, string output)
    {
        if (contentOnly && logFormat is not null)
            throw new UsageException("--content-only and --log-format exclude each other");
        LineFormat? format = null;
        if (logFormat is not null && !LineFormat.TryParse(logFormat, out format, out var error))
            throw new UsageException($"--log-format: {error}");

        var lines = new TemplateLines(path);
        var extractor = new MessageExtractor(contentOnly, format);
        var miner = new TemplateMiner();
        var clock = Stopwatch.StartNew();
        long count = 0;
        foreach (var line in lines.Read())
        {
            var message = extractor.Extract(line, ++count, out var time);
            miner.Mine(message, time);
        }

        var mined = clock.Elapsed;
        switch (output)
        {
            case "csv":
                WriteCsv(console.Out, lines, new MessageExtractor(contentOnly, format), miner);
                break;
            case "json":
                using (var buffer = new MemoryStream())
                {
                    TemplateOutput.WriteJson(buffer, miner.Templates);
                    console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                }

                break;
            default:
                TemplateOutput.WriteTable(console.Out, miner.Templates);
                break;
        }

        var rate = count / Math.Max(mined.TotalSeconds, 1e-9);
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count:N0} lines, {miner.TemplateCount:N0} templates; read and mined in {mined.TotalSeconds:F2} s ({rate:N0} lines/s)"));
        if (extractor.Unmatched > 0)
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"culprit: {extractor.Unmatched:N0} lines do not match --log-format; they were mined whole"));
        return ExitCodes.Ok;
    }

    private static void WriteCsv(TextWriter w, TemplateLines lines, MessageExtractor extractor, TemplateMiner miner)
    {
        w.Write(TemplateOutput.CsvHeader + "\r\n");
        long id = 0;
        foreach (var line in lines.Read())
        {
            var message = extractor.Extract(line, ++id, out _);
            // Every message was mined in the first pass; only a template forgotten since (past MaxTemplates) is mined again.
            if (miner.TryMatch(message, out var match))
                TemplateOutput.WriteCsvRow(w, id, match);
            else
                TemplateOutput.WriteCsvRow(w, id, miner.Mine(message));
        }
    }
}
