using System.IO.Compression;
using System.Text;
using Culprit.Grouping;
using Culprit.Pipeline;
using Culprit.Storage;

namespace Culprit.Tests.Pipeline;

/// <summary>
/// The persisting run with its reading thread, with batches small enough that reading, queueing and committing
/// interleave many times: checkpoints exact, reading failures reported, a failing store stopping the run.
/// </summary>
public sealed class IngestorTests : IDisposable
{
    private static readonly AnalyzeOptions Queue = new() { BatchSize = 3, QueueBatches = 1 };
    private static readonly IngestOptions Batches = new() { BatchEntries = 7 };

    private readonly string _dir = Directory.CreateTempSubdirectory("culprit-ingestor-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Lines(int from, int count)
    {
        var text = new StringBuilder();
        for (var i = from; i < from + count; i++)
            text.Append("2026-01-02 10:00:00 ERROR [main] c.a.Job - job ").Append(i).Append(" failed\n");
        return text.ToString();
    }

    private async Task<StoreSet> OpenAsync()
    {
        var opened = await StoreFactory.OpenAsync(new StorageOptions { DataDirectory = Path.Combine(_dir, "data") }, TimeProvider.System);
        await opened.MigrateAsync();
        return opened;
    }

    private static Task<AnalysisResult> RunAsync(StoreSet stores, RunStats stats, params string[] files) =>
        new Ingestor(LogReader.CreateDefault(), new FingerprinterV1(), stores, Batches, TimeProvider.System).RunAsync(files, Queue, stats);

    [Fact]
    public async Task CheckpointsAreExactAcrossRunsAndAppends()
    {
        var log = Path.Combine(_dir, "app.log");
        await File.WriteAllTextAsync(log, Lines(0, 100));
        await using var stores = await OpenAsync();

        await RunAsync(stores, new RunStats(), log);
        var first = await stores.Incidents.GetCheckpointAsync(Path.GetFullPath(log));
        Assert.Equal(new FileInfo(log).Length, first!.Offset);
        Assert.Equal(100, first.Line);
        Assert.Equal(100, await stores.Logs.CountAsync());

        await File.AppendAllTextAsync(log, Lines(100, 23));
        var stats = new RunStats();
        await RunAsync(stores, stats, log);

        var second = await stores.Incidents.GetCheckpointAsync(Path.GetFullPath(log));
        Assert.Equal(new FileInfo(log).Length, second!.Offset);
        Assert.Equal(123, second.Line);
        Assert.Equal(23, stats.Entries);
        Assert.Equal(123, await stores.Logs.CountAsync());
        var incident = Assert.Single(await stores.Incidents.ListIncidentsAsync(new IncidentFilter()));
        Assert.Equal(123, incident.Count);
    }

    [Fact]
    public async Task ATruncatedGzipKeepsWhatWasReadAndTheNextFileIsRead()
    {
        using var compressed = new MemoryStream();
        using (var gz = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            gz.Write(Encoding.UTF8.GetBytes(Lines(0, 5000)));
        var cut = Path.Combine(_dir, "cut.log.gz");
        await File.WriteAllBytesAsync(cut, compressed.ToArray()[..(int)(compressed.Length / 2)]);
        var good = Path.Combine(_dir, "good.log");
        await File.WriteAllTextAsync(good, Lines(0, 40));
        await using var stores = await OpenAsync();

        var stats = new RunStats();
        await RunAsync(stores, stats, cut, good);

        var problem = Assert.Single(stats.Problems);
        Assert.StartsWith($"'{cut}' ends early (", problem, StringComparison.Ordinal);
        Assert.Contains("truncated", problem, StringComparison.Ordinal);
        Assert.InRange(stats.Entries, 41, 5039);
        Assert.Equal(stats.Entries, await stores.Logs.CountAsync());
        var cutPoint = await stores.Incidents.GetCheckpointAsync(Path.GetFullPath(cut));
        Assert.Equal(stats.Entries - 40, cutPoint!.Line);
        Assert.Equal(40, (await stores.Incidents.GetCheckpointAsync(Path.GetFullPath(good)))!.Line);
    }

    [Fact]
    public async Task AFailingStoreStopsTheRunWithItsErrorAndTheCheckpointCoversOnlyWhatWasStored()
    {
        var log = Path.Combine(_dir, "app.log");
        await File.WriteAllTextAsync(log, Lines(0, 100_000));
        await using var stores = await OpenAsync();
        // Not disposed: it shares the stores above, which are.
        var failing = new StoreSet(stores.Incidents, new FailingLogStore(stores.Logs, failOnCall: 2), stores.Archive, stores.Description, stores.CodeIndex);

        var failure = await Assert.ThrowsAsync<IOException>(() => RunAsync(failing, new RunStats(), log).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal("log store down", failure.Message);
        var checkpoint = await stores.Incidents.GetCheckpointAsync(Path.GetFullPath(log));
        Assert.Equal(7, checkpoint!.Line);
        Assert.Equal(Encoding.UTF8.GetByteCount(Lines(0, 7)), checkpoint.Offset);
        Assert.Equal(7, await stores.Logs.CountAsync());
    }

    /// <summary>A log store whose n-th append fails, as a server going away would.</summary>
    private sealed class FailingLogStore(ILogStore inner, int failOnCall) : DelegatingLogStore(inner)
    {
        private int _calls;

        public override Task AppendAsync(IReadOnlyList<LogRow> rows, CancellationToken cancellationToken = default) =>
            ++_calls == failOnCall ? Task.FromException(new IOException("log store down")) : Inner.AppendAsync(rows, cancellationToken);
    }
}
