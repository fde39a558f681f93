using System.CommandLine;

namespace Culprit.Cli.Commands;

public static class AnalyzeCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("analyze", "Group the exceptions in the logs into incidents");
        command.SetAction(_ => { console.Error.WriteLine("analyze: coming in this change"); return ExitCodes.Failure; });
        return command;
    }
}
