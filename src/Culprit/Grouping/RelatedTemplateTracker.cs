using Culprit.Model;
using Culprit.Parsing.Templates;

namespace Culprit.Grouping;

/// <summary>
/// Collects, per incident, the templates of the log lines that share a trace id or request id with one of its
/// occurrences, before or after it. Memory is bounded: the most recently seen <see cref="MaxKeys"/> ids are
/// remembered with at most <see cref="MaxLinesPerKey"/> lines and <see cref="MaxIncidentsPerKey"/> incidents
/// each, and an incident counts at most <see cref="MaxLinesPerIncident"/> related lines of at most
/// <see cref="MaxTemplatesPerIncident"/> templates. Not thread-safe.
/// </summary>
public sealed class RelatedTemplateTracker
{
    public const int MaxKeys = 4096;
    public const int MaxLinesPerKey = 64;
    public const int MaxIncidentsPerKey = 8;
    public const int MaxLinesPerIncident = 4096;
    public const int MaxTemplatesPerIncident = 64;

    /// <summary>Templates kept on each incident by <see cref="Finish"/>, most frequent first.</summary>
    public const int Shown = 10;

    private readonly Dictionary<(bool Trace, string Id), Window> _windows = [];
    private readonly LinkedList<Window> _recent = new();
    private readonly Dictionary<Incident, Related> _related = new(ReferenceEqualityComparer.Instance);
    private readonly List<Window> _touched = new(2);
    private long _serial;

    /// <summary>
    /// Records one entry (after grouping it): its template counts for every incident already watching its trace or
    /// request, and each incident in <paramref name="occurrenceOf"/> starts watching them, taking the lines seen so far.
    /// </summary>
    public void Observe(LogEntry entry, Template? template, IReadOnlyList<Incident> occurrenceOf)
    {
        var serial = ++_serial;
        _touched.Clear();
        if (!string.IsNullOrEmpty(entry.TraceId))
            _touched.Add(Touch(true, entry.TraceId));
        if (!string.IsNullOrEmpty(entry.RequestId))
            _touched.Add(Touch(false, entry.RequestId));
        if (_touched.Count == 0)
            return;

        foreach (var window in _touched)
        {
            foreach (var watcher in window.Watchers)
            {
                if (!Contains(occurrenceOf, watcher))
                    Count(watcher, template, serial);
            }
        }

        foreach (var incident in occurrenceOf)
        {
            foreach (var window in _touched)
            {
                if (window.Watchers.Contains(incident))
                    continue;
                if (window.Watchers.Count < MaxIncidentsPerKey)
                    window.Watchers.Add(incident);
                foreach (var (earlier, at) in window.Lines)
                    Count(incident, earlier, at);
            }
        }

        if (template is null)
            return;
        foreach (var window in _touched)
        {
            if (window.Lines.Count < MaxLinesPerKey)
                window.Lines.Add((template, serial));
        }
    }

    /// <summary>Writes each incident's related templates (their current text, counts of merged templates summed).</summary>
    public void Finish()
    {
        foreach (var (incident, related) in _related)
        {
            var totals = new Dictionary<Template, long>(ReferenceEqualityComparer.Instance);
            foreach (var (template, count) in related.Counts)
            {
                var current = TemplateMiner.Current(template);
                totals[current] = totals.GetValueOrDefault(current) + count;
            }

            incident.RelatedTemplates.Clear();
            incident.RelatedTemplates.AddRange(totals
                .OrderByDescending(x => x.Value)
                .ThenBy(x => x.Key.Text, StringComparer.Ordinal)
                .Take(Shown)
                .Select(x => new RelatedTemplate(x.Key.Id, x.Key.Text, x.Value)));
        }
    }

    private Window Touch(bool trace, string id)
    {
        if (_windows.TryGetValue((trace, id), out var window))
        {
            _recent.Remove(window.Node);
            _recent.AddFirst(window.Node);
            return window;
        }

        if (_windows.Count >= MaxKeys)
        {
            var oldest = _recent.Last!;
            _recent.RemoveLast();
            _windows.Remove((oldest.Value.Trace, oldest.Value.Id));
        }

        window = new Window(trace, id);
        window.Node = _recent.AddFirst(window);
        _windows.Add((trace, id), window);
        return window;
    }

    private void Count(Incident incident, Template? template, long serial)
    {
        if (template is null)
            return;
        if (!_related.TryGetValue(incident, out var related))
            _related.Add(incident, related = new Related());
        if (related.Lines.Count >= MaxLinesPerIncident || !related.Lines.Add(serial))
            return;
        if (related.Counts.TryGetValue(template, out var count))
            related.Counts[template] = count + 1;
        else if (related.Counts.Count < MaxTemplatesPerIncident)
            related.Counts.Add(template, 1);
    }

    private static bool Contains(IReadOnlyList<Incident> incidents, Incident incident)
    {
        foreach (var x in incidents)
        {
            if (ReferenceEquals(x, incident))
                return true;
        }

        return false;
    }

    private sealed class Window(bool trace, string id)
    {
        public bool Trace { get; } = trace;

        public string Id { get; } = id;

        public List<(Template Template, long Serial)> Lines { get; } = [];

        public List<Incident> Watchers { get; } = [];

        public LinkedListNode<Window> Node { get; set; } = null!;
    }

    private sealed class Related
    {
        public HashSet<long> Lines { get; } = [];

        public Dictionary<Template, long> Counts { get; } = new(ReferenceEqualityComparer.Instance);
    }
}
