using Culprit.Model;

namespace Culprit.Grouping;

/// <summary>
/// Assigns each occurrence to the incident of its fingerprint, creating incidents as new fingerprints appear.
/// An entry with several top-level exceptions gives one occurrence per exception.
/// </summary>
public sealed class IncidentGrouper
{
    private readonly IFingerprinter _fingerprinter;
    private readonly GroupingOptions _options;
    private readonly Dictionary<string, Incident> _incidents = new(StringComparer.Ordinal);

    public IncidentGrouper(IFingerprinter fingerprinter, GroupingOptions options)
    {
        _fingerprinter = fingerprinter;
        _options = options;
    }

    public IReadOnlyCollection<Incident> Incidents => _incidents.Values;

    /// <summary>Occurrences grouped so far.</summary>
    public long Occurrences { get; private set; }

    /// <summary>Groups the entry's exceptions (or the entry itself when it is an error line); returns how many occurrences it gave.</summary>
    public int Add(LogEntry entry) => Add(entry, null);

    /// <summary>As <see cref="Add(LogEntry)"/>, telling <paramref name="onOccurrence"/> which incident each occurrence joined.</summary>
    public int Add(LogEntry entry, Action<Incident, LogEntry, ExceptionInfo?>? onOccurrence)
    {
        if (entry.Exceptions.Count > 0)
        {
            if (entry.Level != LogLevel.Unknown && entry.Level < _options.ExceptionLevel)
                return 0;
            foreach (var exception in entry.Exceptions)
            {
                var joined = AddOccurrence(entry, exception);
                onOccurrence?.Invoke(joined, entry, exception);
            }
            return entry.Exceptions.Count;
        }

        if (entry.Level == LogLevel.Unknown || entry.Level < _options.MessageLevel)
            return 0;
        var incident = AddOccurrence(entry, null);
        onOccurrence?.Invoke(incident, entry, null);
        return 1;
    }

    private Incident AddOccurrence(LogEntry entry, ExceptionInfo? exception)
    {
        Occurrences++;
        var fingerprint = _fingerprinter.Compute(entry, exception);
        if (!_incidents.TryGetValue(fingerprint.Hash, out var incident))
        {
            incident = new Incident
            {
                Id = fingerprint.Hash[..12],
                Fingerprint = fingerprint.Hash,
                GroupingVersion = fingerprint.Version,
                Basis = fingerprint.Basis,
                Title = Title(entry, exception),
                Representative = entry,
                RepresentativeException = exception,
                CulpritFrame = exception is null ? null : CulpritFrame(exception),
            };
            _incidents.Add(fingerprint.Hash, incident);
        }

        incident.Count++;
        if (incident.OccurrenceIds.Count < _options.MaxOccurrenceIds)
        {
            incident.OccurrenceIds.Add(OccurrenceLine(entry, exception));
        }

        if (entry.Service is { } service)
            incident.Services.Add(service);
        if (entry.Version is { } version)
            incident.VersionsSeen.Add(version);
        if (entry.Timestamp is { } at)
        {
            if (incident.FirstSeen is null || at < incident.FirstSeen)
                incident.FirstSeen = at;
            if (incident.LastSeen is null || at > incident.LastSeen)
                incident.LastSeen = at;
            var hour = new DateTimeOffset(at.UtcDateTime.Year, at.UtcDateTime.Month, at.UtcDateTime.Day, at.UtcDateTime.Hour, 0, 0, TimeSpan.Zero);
            incident.CountsPerHour[hour] = incident.CountsPerHour.GetValueOrDefault(hour) + 1;
        }

        return incident;
    }

    /// <summary>The id of one occurrence: <c>source:line</c> of the exception's header, or of the entry.</summary>
    public static string OccurrenceLine(LogEntry entry, ExceptionInfo? exception) =>
        exception is null || exception.FirstLine == 0 ? entry.Id : $"{entry.Position.Source}:{exception.FirstLine}";

    /// <summary>"Type: message" of the root exception; the log message for plain error lines.</summary>
    public static string Title(LogEntry entry, ExceptionInfo? exception)
    {
        if (exception is null)
            return FirstLine(entry.Message);
        var root = exception.Root;
        var type = root.Type ?? exception.Type ?? "(untyped trace)";
        var message = root.Message ?? "";
        return message.Length == 0 ? type : $"{type}: {FirstLine(message)}";
    }

    /// <summary>The innermost in-app frame of the root exception (or of the nearest framed exception outward).</summary>
    public static Frame? CulpritFrame(ExceptionInfo exception)
    {
        var framed = FingerprinterV1.FramedException(exception);
        if (framed is null)
            return null;
        Frame? first = null;
        foreach (var frame in framed.InnermostFirst)
        {
            first ??= frame;
            if (frame.InApp)
                return frame;
        }

        return first;
    }

    private static string FirstLine(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var line = newline < 0 ? text : text[..newline];
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
