using System.CommandLine;
using Culprit.Cli.Commands;

namespace Culprit.Cli;

public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the CLI with the given writers; exit codes: 0 ok, 1 findings above a threshold, 2 bad usage, 3 runtime failure.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Culprit: finds every exception in your logs, groups them into incidents and explains their root cause.");
        var console = new CliConsole(stdout, stderr);
        root.Subcommands.Add(ExceptionsCommand.Create(console));
        root.Subcommands.Add(AnalyzeCommand.Create(console));
        root.Subcommands.Add(DemoCommand.Create(console));
        root.Subcommands.Add(IncidentsCommand.Create(console));
        root.Subcommands.Add(SearchCommand.Create(console));
        root.Subcommands.Add(DeployCommand.Create(console));
        root.Subcommands.Add(FeedbackCommand.Create(console));
        root.Subcommands.Add(UsersCommand.Create(console));
        root.Subcommands.Add(KeysCommand.Create(console));
        root.Options.Add(GlobalOptions.Data);
        root.Options.Add(GlobalOptions.Config);
        root.Subcommands.Add(TemplatesCommand.Create(console));
        root.Subcommands.Add(BenchCommand.Create(console));
        root.Subcommands.Add(EvalCommand.Create(console));
        root.Subcommands.Add(RcaCommand.Create(console));
        root.Subcommands.Add(IndexCommand.Create(console));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
                stderr.WriteLine($"culprit: {error.Message}");
            stderr.WriteLine("Run 'culprit --help' for usage.");
            return ExitCodes.BadUsage;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"culprit: {e.Message}");
            return ExitCodes.BadUsage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            stderr.WriteLine($"culprit: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
