using Culprit.IntegrationTests.Support;

namespace Culprit.IntegrationTests.Cli;

/// <summary>Listing incidents works while an embedded analyze is writing (the log store is opened only when needed).</summary>
public sealed class ReadWhileWritingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("culprit-readwrite-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task IncidentsCanBeListedDuringAnAnalyze()
    {
        var log = Path.Combine(_dir, "app.log");
        SampleLogs.Write(log, 400_000);
        await File.WriteAllTextAsync(Path.Combine(_dir, "culprit.yaml"), "ingest:\n  batch_entries: 20000\n");
        var data = Path.Combine(_dir, "data");
        using var writer = CliProcess.Start(_dir, "analyze", log, "--data", data, "--format", "json");
        var drainOut = writer.StandardOutput.ReadToEndAsync();
        var drainErr = writer.StandardError.ReadToEndAsync();
        var archive = Path.Combine(data, "archive");
        for (var wait = 0; wait < 600 && !writer.HasExited; wait++)
        {
            if (Directory.Exists(archive) && Directory.GetFiles(archive, "*.zst", SearchOption.AllDirectories).Length >= 2)
                break;
            await Task.Delay(50);
        }

        var (code, stdout, stderr) = await CliProcess.RunAsync(_dir, "incidents", "--json", "--data", data);
        var stillWriting = !writer.HasExited;
        await writer.WaitForExitAsync();
        await drainOut;
        var writerErr = await drainErr;

        Assert.True(code == 0, stderr);
        Assert.Contains("\"incidents\"", stdout, StringComparison.Ordinal);
        Assert.True(stillWriting || writer.ExitCode == 0);
        Assert.True(writer.ExitCode == 0, writerErr);
    }
}
