using Culprit.Cli;

namespace Culprit.Tests.Support;

/// <summary>Runs the CLI in process, capturing its output and exit code.</summary>
public static class CliRunner
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
