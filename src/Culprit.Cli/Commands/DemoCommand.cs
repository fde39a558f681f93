using System.CommandLine;

namespace Culprit.Cli.Commands;

public static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("demo", "Run analyze on the bundled sample logs");
        command.SetAction(_ => { console.Error.WriteLine("demo: coming in this change"); return ExitCodes.Failure; });
        return command;
    }
}
