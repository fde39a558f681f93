using System.Diagnostics;
using System.Globalization;
using Culprit.Grouping;
using Culprit.Pipeline;
using Culprit.Storage;

namespace Culprit.Bench;

/// <summary>
/// The persisting analyze run into the embedded stores, with the time spent in each store.
/// Usage: ingest FILE [DATA_DIR]
/// </summary>
public static class IngestThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        var file = args[0];
        var data = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "culprit-ingest-bench");
        if (Directory.Exists(data))
            Directory.Delete(data, recursive: true);
        var options = new StorageOptions { DataDirectory = data };
        await using var opened = await StoreFactory.OpenAsync(options, TimeProvider.System);
        await opened.MigrateAsync();
        var archive = new Timed();
        var logs = new Timed();
        var incidents = new Timed();
        var stores = new StoreSet(new TimedIncidentStore(opened.Incidents, incidents), new TimedLogStore(opened.Logs, logs), new TimedArchive(opened.Archive, archive), opened.Description, opened.CodeIndex);
        var stats = new RunStats { Files = 1 };
        var clock = Stopwatch.StartNew();
        await new Ingestor(LogReader.CreateDefault(), new FingerprinterV1(), stores, new IngestOptions(), TimeProvider.System).RunAsync([file], new AnalyzeOptions(), stats);
        var seconds = clock.Elapsed.TotalSeconds;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{stats.Bytes / 1048576.0:N0} MB, {stats.Lines:N0} lines, {stats.Entries:N0} entries in {seconds:N2} s: {stats.Bytes / 1048576.0 / seconds:N1} MB/s, {stats.Entries / seconds:N0} entries/s; "
            + $"archive {archive.Seconds:N2} s, log store {logs.Seconds:N2} s, incident store {incidents.Seconds:N2} s, the rest (read, parse, group, rows) {seconds - archive.Seconds - logs.Seconds - incidents.Seconds:N2} s; peak working set {process.PeakWorkingSet64 / 1048576.0:N0} MB"));
        return 0;
    }

    private sealed class Timed
    {
        private long _ticks;

        public double Seconds => TimeSpan.FromTicks(_ticks).TotalSeconds;

        public async Task<T> Run<T>(Func<Task<T>> work)
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                return await work();
            }
            finally
            {
                _ticks += Stopwatch.GetElapsedTime(start).Ticks;
            }
        }

        public Task Run(Func<Task> work) => Run(async () =>
        {
            await work();
            return 0;
        });
    }

    private sealed class TimedArchive(IRawArchive inner, Timed timed) : IRawArchive
    {
        public Task WriteAsync(ArchiveChunk chunk, ReadOnlyMemory<byte> raw, CancellationToken cancellationToken = default) => timed.Run(() => inner.WriteAsync(chunk, raw, cancellationToken));

        public IAsyncEnumerable<ArchiveChunk> ListAsync(string? source = null, CancellationToken cancellationToken = default) => inner.ListAsync(source, cancellationToken);

        public Task<Stream> OpenAsync(ArchiveChunk chunk, CancellationToken cancellationToken = default) => inner.OpenAsync(chunk, cancellationToken);

        public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) => inner.DeleteOlderThanAsync(cutoff, cancellationToken);
    }

    private sealed class TimedLogStore(ILogStore inner, Timed timed) : DelegatingLogStore(inner)
    {
        public override Task AppendAsync(IReadOnlyList<LogRow> rows, CancellationToken cancellationToken = default) => timed.Run(() => Inner.AppendAsync(rows, cancellationToken));
    }

    private sealed class TimedIncidentStore(IIncidentStore inner, Timed timed) : IIncidentStore
    {
        public Task MigrateAsync(CancellationToken cancellationToken = default) => inner.MigrateAsync(cancellationToken);

        public Task CommitAsync(IncidentBatch batch, CancellationToken cancellationToken = default) => timed.Run(() => inner.CommitAsync(batch, cancellationToken));

        public Task<SourceCheckpoint?> GetCheckpointAsync(string source, CancellationToken cancellationToken = default) => inner.GetCheckpointAsync(source, cancellationToken);

        public Task<IReadOnlyList<IncidentRecord>> ListIncidentsAsync(IncidentFilter filter, CancellationToken cancellationToken = default) => inner.ListIncidentsAsync(filter, cancellationToken);

        public Task<IncidentRecord?> GetIncidentAsync(string id, CancellationToken cancellationToken = default) => inner.GetIncidentAsync(id, cancellationToken);

        public Task<IReadOnlyList<(DateTimeOffset Hour, long Count)>> GetHourlyCountsAsync(string id, CancellationToken cancellationToken = default) => inner.GetHourlyCountsAsync(id, cancellationToken);

        public Task<bool> SetStatusAsync(string id, Culprit.Model.IncidentStatus status, string? actor, string? note, CancellationToken cancellationToken = default) => inner.SetStatusAsync(id, status, actor, note, cancellationToken);

        public Task<IReadOnlyList<StatusChange>> GetStatusHistoryAsync(string id, CancellationToken cancellationToken = default) => inner.GetStatusHistoryAsync(id, cancellationToken);

        public Task<long> DropSamplesOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) => inner.DropSamplesOlderThanAsync(cutoff, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
