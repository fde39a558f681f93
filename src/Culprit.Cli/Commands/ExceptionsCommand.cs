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
        var code = new CodeCliOptions();
        var command = new Command("exceptions", "List every exception found in the logs, exactly as extracted; with --repo, each frame resolved to the repository") { files, json };
        inApp.AddTo(command);
        code.AddTo(command);
        command.SetAction(parse => Run(console, parse.GetValue(files)!, parse.GetValue(json), inApp.Read(parse), code.Read(parse), GlobalOptions.Storage(parse).DataDirectory));
        return command;
    }

    public static int Run(CliConsole console, string[] paths, bool json, InAppRules? inApp = null, CodeCliValues? code = null, string? dataDirectory = null)
    {
        using var session = code is null ? null : CodeSession.Open(code, dataDirectory ?? new Storage.StorageOptions().DataDirectory);
        Func<Frame, Runtime, Code.Mapping.FrameResolution>? resolve = null;
        if (session is not null)
        {
            Culprit.Code.RepositoryCodeView view;
            try
            {
                view = new Culprit.Code.RepositoryCodeView(session.Repository, code!.Commit ?? "HEAD", session.Extractor, code.Mappings);
            }
            catch (Culprit.Code.CodeRepositoryException e)
            {
                throw new UsageException($"--repo: {e.Message}");
            }
            var resolver = new Code.Mapping.FrameResolver(view.Paths, view);
            resolve = resolver.Resolve;
        }
        var result = RunResolved(console, paths, json, inApp, resolve);
        foreach (var warning in session?.Warnings ?? [])
            console.Error.WriteLine($"culprit: {warning}");
        return result;
    }

    private static int RunResolved(CliConsole console, string[] paths, bool json, InAppRules? inApp, Func<Frame, Runtime, Code.Mapping.FrameResolution>? resolve)
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
            using (var w = new Utf8JsonWriter((Stream?)output ?? buffer!, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                w.WriteStartObject();
                w.WriteStartArray("exceptions");
                foreach (var path in resolved)
                {
                    foreach (var entry in reader.Read(path, stats))
                    {
                        foreach (var exception in entry.Exceptions)
                            ExceptionJson.Write(w, path, exception, resolve);
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
                        WriteText(console.Out, path, exception, resolve);
                }
            }
        }

        foreach (var problem in stats.Problems)
            console.Error.WriteLine($"culprit: {problem}");
        console.Error.WriteLine($"{stats.Exceptions} exception(s) in {stats.Entries} entries, {stats.Lines} lines, {resolved.Count} file(s); {stats.Partial} partial");
        return ExitCodes.Ok;
    }

    private static void WriteText(TextWriter w, string path, ExceptionInfo e, Func<Frame, Runtime, Code.Mapping.FrameResolution>? resolve, string indent = "")
    {
        if (indent.Length == 0)
            w.WriteLine($"{path}:{e.FirstLine}-{e.LastLine} [{ExceptionJson.RuntimeName(e.Runtime)}]");
        w.WriteLine($"{indent}{e.Type ?? "(no type)"}: {e.Message}");
        foreach (var f in e.Frames)
        {
            var location = f.File is null ? "" : $" ({f.File}{(f.Line is { } l ? ":" + l : "")}{(f.Column is { } c ? ":" + c : "")})";
            var module = f.Module is null ? "" : f.Module + ".";
            var resolution = resolve?.Invoke(f, e.Runtime);
            var where = resolution is null ? "" : resolution.RepoPath is null ? $"  [{resolution.Note}]"
                : $"  → {resolution.RepoPath}{(resolution.Symbol is { } s ? $" {s.QualifiedName} ({s.StartLine}-{s.EndLine})" : $" [{resolution.Note}]")}";
            w.WriteLine($"{indent}    {(f.InApp ? "*" : " ")} {module}{f.Function}{location}{where}");
        }

        if (e.FramesOmitted > 0)
            w.WriteLine($"{indent}      ... {e.FramesOmitted} more");
        foreach (var cause in e.Causes)
        {
            w.WriteLine($"{indent}  {ExceptionJson.RelationName(cause.Relation)}:");
            WriteText(w, path, cause, resolve, indent + "  ");
        }

        foreach (var s in e.Suppressed)
        {
            w.WriteLine($"{indent}  suppressed:");
            WriteText(w, path, s, resolve, indent + "  ");
        }

        if (indent.Length == 0)
            w.WriteLine();
    }
}
