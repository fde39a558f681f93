using System.CommandLine;

namespace Culprit.Cli.Commands;

/// <summary><c>culprit demo</c>: analyze on the bundled sample logs, so a new user sees incidents at once.</summary>
public static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new AnalyzeCliOptions();
        var command = new Command("demo", "Analyze the bundled sample logs (a small multi-service log set)");
        options.AddTo(command);
        command.SetAction((parse, cancel) =>
        {
            var samples = SamplesFolder();
            console.Error.WriteLine($"Analyzing the sample logs in {samples}");
            var storage = parse.GetValue(options.NoStore) ? null : GlobalOptions.Storage(parse);
            if (storage is not null)
            {
                // The demo starts from an empty store of its own each time, so it always shows the same incidents.
                storage.DataDirectory = Path.Combine(storage.DataDirectory, "demo");
                storage.Postgres = storage.ClickHouse = storage.Archive = null;
                if (Directory.Exists(storage.DataDirectory))
                    Directory.Delete(storage.DataDirectory, recursive: true);
            }

            return AnalyzeCommand.RunAsync(console, [samples], options.Read(parse), storage, cancel);
        });
        return command;
    }

    /// <summary>The sample logs: copied next to the program at build time.</summary>
    public static string SamplesFolder()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "samples", "logs");
        if (!Directory.Exists(folder))
            throw new InvalidOperationException($"the sample logs are missing from {folder}; rebuild with ./culprit");
        return folder;
    }
}
