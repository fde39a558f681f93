using System.CommandLine;
using System.Text.Json;
using Culprit.Exceptions;
using Culprit.Ingestion.Files;
using Culprit.Model;
using Culprit.Pipeline;

namespace Culprit.Cli.Commands;

/// <summary><c>culprit exceptions FILE... [--json]</c>: every exception found, in file order.</summary>
public static class ExceptionsCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("files") { Description = "Log files, directories, globs or - for stdin", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Write {\"exceptions\": [...]} as JSON" };
        var inApp = new InAppCliOptions();
        var command = new Command("exceptions", "List every exception found in the logs, exactly as extracted") { files, json };
        inApp.AddTo(command);
        command.SetAction(parse => Run(console, parse.GetValue(files)!, parse.GetValue(json), inApp.Read(parse)));
        return command;
    }

    public static int Run(CliConsole console, string[] paths, bool json, InAppRules? inApp = null)
    {
        var problems = new List<string>();
        var resolved = LogFiles.Resolve(paths, problems);
        if (resolved.Count == 0)
            throw new UsageException(problems.Count > 0 ? string.Join("; ", problems) : "no input files");
        foreach (var problem in problems)
            console.Error.WriteLine($"culprit: {problem}");

        var reader = LogReader.CreateDefault(inApp);
        var stats = new RunStats { Files = resolved.Count };
        if (json)
        {
            using var stream = Console.OpenStandardOutput();
            var output = ReferenceEquals(console.Out, Console.Out) ? stream : null;
            var buffer = output is null ? new MemoryStream() : null;
            using (var w = new Utf8JsonWriter((Stream?)output ?? buffer!, new JsonWriterOptions { Indented = true }))
            {
                w.WriteStartObject();
                w.WriteStartArray("exceptions");
                foreach (var path in resolved)
                {
                    foreach (var entry in reader.Read(path, stats))
                    {
                        foreach (var exception in entry.Exceptions)
                            ExceptionJson.Write(w, path, exception);
                    }
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            if (buffer is not null)
                console.Out.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            console.Out.WriteLine();
        }
        else
        {
            foreach (var path in resolved)
            {
                foreach (var entry in reader.Read(path, stats))
                {
                    foreach (var exception in entry.Exceptions)
                        WriteText(console.Out, path, exception);
                }
            }
        }

        foreach (var problem in stats.Problems)
            console.Error.WriteLine($"culprit: {problem}");
        console.Error.WriteLine($"{stats.Exceptions} exception(s) in {stats.Entries} entries, {stats.Lines} lines, {resolved.Count} file(s); {stats.Partial} partial");
        return ExitCodes.Ok;
    }

    private static void WriteText(TextWriter w, string path, ExceptionInfo e, string indent = "")
    {
        if (indent.Length == 0)
            w.WriteLine($"{path}:{e.FirstLine}-{e.LastLine} [{ExceptionJson.RuntimeName(e.Runtime)}]");
        w.WriteLine($"{indent}{e.Type ?? "(no type)"}: {e.Message}");
        foreach (var f in e.Frames)
        {
            var location = f.File is null ? "" : $" ({f.File}{(f.Line is { } l ? ":" + l : "")}{(f.Column is { } c ? ":" + c : "")})";
            var module = f.Module is null ? "" : f.Module + ".";
            w.WriteLine($"{indent}    {(f.InApp ? "*" : " ")} {module}{f.Function}{location}");
        }

        if (e.FramesOmitted > 0)
            w.WriteLine($"{indent}      ... {e.FramesOmitted} more");
        foreach (var cause in e.Causes)
        {
            w.WriteLine($"{indent}  {ExceptionJson.RelationName(cause.Relation)}:");
            WriteText(w, path, cause, indent + "  ");
        }

        foreach (var s in e.Suppressed)
        {
            w.WriteLine($"{indent}  suppressed:");
            WriteText(w, path, s, indent + "  ");
        }

        if (indent.Length == 0)
            w.WriteLine();
    }
}
