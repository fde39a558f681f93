using System.Diagnostics;
using System.Globalization;
using Culprit.Code.Index;
using Spectre.Console;

namespace Culprit.Cli.Output;

/// <summary>
/// The progress bar of <c>culprit index</c> on a terminal: files parsed and stored of those to parse, the phase,
/// chunks made and embedded, the embedding rate and, while embedding, the time left at that rate.
/// </summary>
public static class IndexProgressView
{
    public static async Task<IndexResult> RunAsync(Func<Action<IndexProgress>, Task<IndexResult>> run)
    {
        IndexResult? result = null;
        await AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) })
            .Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("listing files", maxValue: 1);
                IndexProgress? latest = null;
                var embedClock = new Stopwatch();
                var work = Task.Run(() => run(p =>
                {
                    if (p.Phase == "embed" && !embedClock.IsRunning)
                        embedClock.Start();
                    Volatile.Write(ref latest, p);
                }));
                while (!work.IsCompleted)
                {
                    if (Volatile.Read(ref latest) is { } p)
                    {
                        task.MaxValue = Math.Max(p.FilesToParse, 1);
                        task.Value = Math.Min(p.FilesDone, task.MaxValue);
                        task.Description = Describe(p, embedClock.Elapsed);
                    }

                    await Task.WhenAny(work, Task.Delay(200));
                }

                task.Value = task.MaxValue;
                result = await work;
            });
        return result!;
    }

    private static string Describe(IndexProgress p, TimeSpan embedding)
    {
        var c = CultureInfo.InvariantCulture;
        if (p.Phase is "list" or "record")
            return p.Phase == "list" ? "listing files" : "recording the commit";
        var text = string.Create(c, $"{p.Phase,-5} {p.FilesDone:N0}/{p.FilesToParse:N0} files, {p.Chunks:N0} chunks");
        if (p.ChunksEmbedded == 0 || embedding.TotalSeconds < 0.5)
            return Markup.Escape(text);
        var rate = p.ChunksEmbedded / embedding.TotalSeconds;
        // Chunks still to embed: the rest of this batch, and the files not parsed yet at the chunks-per-file seen so far.
        var perFile = p.FilesParsed == 0 ? 0 : (double)p.Chunks / p.FilesParsed;
        var left = (p.Phase == "embed" ? p.Total - p.Done : 0) + (p.FilesToParse - p.FilesParsed) * perFile;
        return Markup.Escape(string.Create(c, $"{text}, {p.ChunksEmbedded:N0} embedded ({rate:N0}/s, ~{TimeSpan.FromSeconds(left / rate):hh\\:mm\\:ss} left)"));
    }
}
