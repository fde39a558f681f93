using System.Diagnostics;
using Culprit.Framing;
using Culprit.Grouping;
using Culprit.Ingestion;
using Culprit.Ingestion.Archive;
using Culprit.Ingestion.Files;
using Culprit.Model;
using Culprit.Parsing.Templates;
using Culprit.Storage;

namespace Culprit.Pipeline;

/// <summary>
/// The persisting analyze run: reads each source from its checkpoint, and per batch archives the raw lines,
/// appends the log rows and commits the incident changes together with the new checkpoint. Each store skips
/// what it already holds (the archive and the log store by their highest line per source, the incident
/// store by (source, line) of occurrences), so a run killed at any point and started again ends with the
/// same data as a run that was never interrupted.
/// </summary>
public sealed class Ingestor
{
    private readonly LogReader _reader;
    private readonly IFingerprinter _fingerprinter;
    private readonly StoreSet _stores;
    private readonly IngestOptions _options;
    private readonly TimeProvider _time;

    public Ingestor(LogReader reader, IFingerprinter fingerprinter, StoreSet stores, IngestOptions options, TimeProvider time)
    {
        _reader = reader;
        _fingerprinter = fingerprinter;
        _stores = stores;
        _options = options;
        _time = time;
    }

    /// <summary>Reads the files into the stores; the result holds what this run read (not the stored totals).</summary>
    public async Task<AnalysisResult> RunAsync(IReadOnlyList<string> files, AnalyzeOptions options, RunStats stats, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var templater = new EntryTemplater(_stores.Incidents as ITemplateStateStore);
        var grouper = new IncidentGrouper(Analyzer.Fingerprinter(_fingerprinter, templater, options.Grouping), options.Grouping);
        var related = new RelatedTemplateTracker();
        // Entries that do not say their version get the deploy live at their time.
        var versions = _stores.Incidents is IDeployStore deploys ? new VersionResolver(deploys, _time) : null;
        foreach (var file in files)
            await IngestFileAsync(file, options, new RunState(grouper, templater, related, versions), stats, cancellationToken);

        related.Finish();
        var incidents = Analyzer.Ordered(grouper);
        return new AnalysisResult(incidents, stats, grouper.Occurrences, clock.Elapsed);
    }

    private async Task IngestFileAsync(string file, AnalyzeOptions options, RunState run, RunStats stats, CancellationToken cancellationToken)
    {
        var (grouper, templater, related, versions) = run;
        var start = await ResumePointAsync(file, stats, cancellationToken);
        if (start is null)
            return;
        var (source, identity, offset, line) = start.Value;

        var logMark = await _stores.Logs.HighWaterMarkAsync(source, cancellationToken);
        var archiveMark = _options.Archive ? await ArchiveMarkAsync(source, cancellationToken) : long.MaxValue;

        Stream stream;
        try
        {
            stream = file == LogFiles.Stdin ? LogFiles.Open(file) : LogFiles.OpenAt(file, offset);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stats.AddProblem($"cannot read '{file}': {e.Message}");
            return;
        }

        using var reader = new LineReader(stream, startOffset: offset, startLine: line);
        var batch = new IncidentBatchBuilder();
        var rows = new List<LogRow>(_options.BatchEntries);
        var archive = new ArchiveWriter(_stores.Archive, source, time: _time);
        var joined = new List<Incident>(1);
        RawEntry? last = null;
        var entries = 0;

        foreach (var raw in new FrameReader().Frame(source, LogReader.Lines(reader, stats)))
        {
            last = raw;
            var entry = _reader.Process(raw, stats);
            var template = await templater.ApplyAsync(entry, cancellationToken);
            if (versions is not null)
                await versions.ApplyAsync(entry, cancellationToken);
            string? incidentId = null;
            if (Analyzer.Keep(entry, options))
            {
                joined.Clear();
                grouper.Add(entry, (incident, e, x) =>
                {
                    incidentId ??= incident.Id;
                    joined.Add(incident);
                    batch.Add(incident, e, x);
                });
                related.Observe(entry, template, joined);
            }

            if (raw.FirstLine > logMark)
                rows.Add(LogRows.From(entry, incidentId));
            if (raw.LastLine > archiveMark)
                await archive.AddAsync(raw, entry.Timestamp, cancellationToken);

            if (++entries < _options.BatchEntries)
                continue;
            await FlushAsync(Checkpoint(source, identity, raw));
            entries = 0;
        }

        if (last is not null)
            await FlushAsync(Checkpoint(source, identity, last));
        if (reader.Failure is { } failure)
            stats.AddProblem($"'{file}' ends early ({failure}); what was read before is stored");

        async Task FlushAsync(SourceCheckpoint? checkpoint)
        {
            await archive.FlushAsync(cancellationToken);
            await templater.SaveAsync(cancellationToken);

            if (rows.Count > 0)
            {
                await _stores.Logs.AppendAsync(rows, cancellationToken);
                rows = new List<LogRow>(_options.BatchEntries);
            }

            await _stores.Incidents.CommitAsync(batch.Take(checkpoint), cancellationToken);
        }
    }

    private SourceCheckpoint? Checkpoint(string source, string? identity, RawEntry last) =>
        identity is null ? null : new SourceCheckpoint(source, identity, last.EndOffset, last.LastLine, _time.GetUtcNow());

    /// <summary>Where to start reading a file: after its checkpoint when it is still the same file, else from the start.</summary>
    private async Task<(string Source, string? Identity, long Offset, long Line)?> ResumePointAsync(string file, RunStats stats, CancellationToken cancellationToken)
    {
        if (file == LogFiles.Stdin)
            return ($"stdin@{_time.GetUtcNow():yyyyMMddTHHmmssfffZ}", null, 0, 0);

        var source = Path.GetFullPath(file);
        string identity;
        try
        {
            identity = FileIdentity.Compute(source);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stats.AddProblem($"cannot read '{file}': {e.Message}");
            return null;
        }

        var checkpoint = await _stores.Incidents.GetCheckpointAsync(source, cancellationToken);
        if (checkpoint is null)
            return (source, identity, 0, 0);
        if (checkpoint.Inode is { } stored && FileIdentity.Matches(source, stored))
            return (source, stored, checkpoint.Offset, checkpoint.Line);

        // The file was rotated or truncated: it is a new source under the same path.
        stats.AddProblem($"'{file}' was replaced since it was last read; reading it from the start as a new source");
        var renamed = $"{source}@{identity[(identity.IndexOf(':', StringComparison.Ordinal) + 1)..][..12]}";
        var again = await _stores.Incidents.GetCheckpointAsync(renamed, cancellationToken);
        return again is not null && again.Inode == identity
            ? (renamed, identity, again.Offset, again.Line)
            : (renamed, identity, 0, 0);
    }

    private async Task<long> ArchiveMarkAsync(string source, CancellationToken cancellationToken)
    {
        var mark = 0L;
        await foreach (var chunk in _stores.Archive.ListAsync(source, cancellationToken))
            mark = Math.Max(mark, chunk.LastLine);
        return mark;
    }

    /// <summary>What one run shares across its files: the grouping, the templates with their anchors, the related lines.</summary>
    private sealed record RunState(IncidentGrouper Grouper, EntryTemplater Templater, RelatedTemplateTracker Related, VersionResolver? Versions);
}
