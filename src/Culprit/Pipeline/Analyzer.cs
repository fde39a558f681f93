using System.Diagnostics;
using Culprit.Framing;
using Culprit.Grouping;
using Culprit.Model;

namespace Culprit.Pipeline;

/// <summary>
/// The analyze pipeline: one thread reads and frames the files, the caller's thread parses, extracts
/// exceptions, templates each entry and groups them (grouping v2, docs/grouping.md). The two meet in a bounded channel of batches, so a 10 GB log never sits in memory.
/// </summary>
public sealed class Analyzer
{
    private readonly LogReader _reader;
    private readonly IFingerprinter _fingerprinter;

    public Analyzer(LogReader reader, IFingerprinter fingerprinter)
    {
        _reader = reader;
        _fingerprinter = fingerprinter;
    }

    public static Analyzer CreateDefault(Culprit.Exceptions.InAppRules? inApp = null) => new(LogReader.CreateDefault(inApp), new FingerprinterV1());

    public async Task<AnalysisResult> RunAsync(IReadOnlyList<string> files, AnalyzeOptions options, RunStats stats, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var templater = new EntryTemplater();
        var grouper = new IncidentGrouper(Fingerprinter(_fingerprinter, templater, options.Grouping), options.Grouping);
        var related = new RelatedTemplateTracker();
        var joined = new List<Incident>(1);
        Action<Incident, LogEntry, ExceptionInfo?> onOccurrence = (incident, _, _) => joined.Add(incident);
        await using (var pump = RawEntryPump.Start(files.SelectMany(file => _reader.ReadRaw(file, stats)), options, cancellationToken))
        {
            await foreach (var batch in pump.ReadAllAsync(cancellationToken))
            {
                foreach (var raw in batch)
                {
                    var entry = _reader.Process(raw, stats);
                    var template = templater.Apply(entry);
                    if (!Keep(entry, options))
                        continue;
                    joined.Clear();
                    grouper.Add(entry, onOccurrence);
                    related.Observe(entry, template, joined);
                }
            }
        }

        related.Finish();
        var incidents = Ordered(grouper);
        return new AnalysisResult(incidents, stats, grouper.Occurrences, clock.Elapsed);
    }

    /// <summary>
    /// The fingerprinter of a run: grouping v2 over <paramref name="v1"/> (template anchors for log lines without an
    /// exception) unless <see cref="GroupingOptions.ByTemplate"/> is off.
    /// </summary>
    internal static IFingerprinter Fingerprinter(IFingerprinter v1, EntryTemplater templater, GroupingOptions options) =>
        options.ByTemplate ? new FingerprinterV2(v1, templater) : v1;

    /// <summary>Incidents largest first, then oldest first, then by id: the order every output uses.</summary>
    internal static List<Incident> Ordered(IncidentGrouper grouper) =>
        grouper.Incidents
            .OrderByDescending(i => i.Count)
            .ThenBy(i => i.FirstSeen ?? DateTimeOffset.MaxValue)
            .ThenBy(i => i.Id, StringComparer.Ordinal)
            .ToList();

    internal static bool Keep(LogEntry entry, AnalyzeOptions options)
    {
        if (options.Since is { } since && entry.Timestamp is { } at && at < since)
            return false;
        if (options.Service is { } service && !string.Equals(entry.Service, service, StringComparison.OrdinalIgnoreCase))
            return false;
        return true;
    }
}
