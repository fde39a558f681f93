using Culprit.Cli;

namespace Culprit.Tests.Support;

/// <summary>Runs the CLI in process, capturing its output and exit code.</summary>
public static class CliRunner
{
    /// <summary>Commands that touch the store get a fresh temporary <c>--data</c> folder unless the test gives one.</summary>
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        if (args.Length > 0 && args[0] is "analyze" or "demo" or "incidents" or "search" or "deploy" or "index" && !args.Contains("--data") && !args.Contains("--no-store"))
            args = [.. args, "--data", Path.Combine(Path.GetTempPath(), "culprit-test-" + Guid.NewGuid().ToString("N"))];
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
