using System.Text.Json.Nodes;
using Culprit.IntegrationTests.Support;

namespace Culprit.IntegrationTests.Cli;

/// <summary>Exactly once: a run killed with SIGKILL and started again ends with the counts of a run never interrupted.</summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("culprit-crash-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<JsonArray> IncidentsAsync(string data)
    {
        var (code, stdout, stderr) = await CliProcess.RunAsync(_dir, "incidents", "--json", "--limit", "100", "--data", data);
        Assert.True(code == 0, stderr);
        return JsonNode.Parse(stdout)!["incidents"]!.AsArray();
    }

    private static Dictionary<string, long> Counts(JsonArray incidents) =>
        incidents.ToDictionary(i => i!["id"]!.GetValue<string>(), i => i!["count"]!.GetValue<long>());

    [Fact]
    public async Task KilledRunRestartedEndsWithTheSameCountsAsAnUninterruptedRun()
    {
        var log = Path.Combine(_dir, "app.log");
        SampleLogs.Write(log, 400_000);

        var clean = Path.Combine(_dir, "clean");
        var (code, _, stderr) = await CliProcess.RunAsync(_dir, "analyze", log, "--data", clean, "--format", "json");
        Assert.True(code == 0, stderr);
        var expected = Counts(await IncidentsAsync(clean));
        Assert.True(expected.Count >= 6, $"only {expected.Count} incidents");

        var crashed = Path.Combine(_dir, "crashed");
        // Small batches, so that the killed run has committed several of them.
        var config = Path.Combine(_dir, "culprit.yaml");
        await File.WriteAllTextAsync(config, "ingest:\n  batch_entries: 20000\n");
        var killedMidway = false;
        for (var attempt = 0; attempt < 3 && !killedMidway; attempt++)
        {
            using var process = CliProcess.Start(_dir, "analyze", log, "--data", crashed, "--format", "json");
            // Let it commit a few batches (each writes an archive chunk first), then kill it without any chance to clean up.
            var archive = Path.Combine(crashed, "archive");
            for (var wait = 0; wait < 600 && !process.HasExited; wait++)
            {
                if (Directory.Exists(archive) && Directory.GetFiles(archive, "*.zst", SearchOption.AllDirectories).Length >= 3 + attempt)
                    break;
                await Task.Delay(50);
            }

            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                killedMidway = true;
            }

            await process.WaitForExitAsync();
        }

        Assert.True(killedMidway, "the run finished before it could be killed; use a bigger input");
        var partial = Counts(await IncidentsAsync(crashed));
        Assert.True(partial.Values.Sum() > 0, "the killed run had stored nothing");
        Assert.True(partial.Values.Sum() < expected.Values.Sum(), "the killed run had already stored everything");

        (code, _, stderr) = await CliProcess.RunAsync(_dir, "analyze", log, "--data", crashed, "--format", "json");
        Assert.True(code == 0, stderr);
        Assert.Equal(expected.OrderBy(p => p.Key), Counts(await IncidentsAsync(crashed)).OrderBy(p => p.Key));

        // A third run over the same file adds nothing.
        (code, _, stderr) = await CliProcess.RunAsync(_dir, "analyze", log, "--data", crashed, "--format", "json");
        Assert.True(code == 0, stderr);
        Assert.Equal(expected.OrderBy(p => p.Key), Counts(await IncidentsAsync(crashed)).OrderBy(p => p.Key));

        var (searchCode, search, _) = await CliProcess.RunAsync(_dir, "search", "request 399995", "--json", "--data", crashed);
        Assert.Equal(0, searchCode);
        Assert.Single(JsonNode.Parse(search)!["entries"]!.AsArray());
    }
}
