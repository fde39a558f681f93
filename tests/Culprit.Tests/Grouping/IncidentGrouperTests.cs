using Culprit.Grouping;
using Culprit.Model;

namespace Culprit.Tests.Grouping;

public sealed class IncidentGrouperTests
{
    private static LogEntry EntryWithException(string source, long line, string function, DateTimeOffset at)
    {
        var entry = new LogEntry { Level = LogLevel.Error, Message = "failed", Timestamp = at, Service = "api", Position = new SourcePosition(source, line, line + 2, 0) };
        var exception = new ExceptionInfo { Runtime = Runtime.Java, Type = "java.lang.IllegalStateException", Message = "x", FirstLine = line + 1 };
        exception.Frames.Add(new Frame { Module = "com.shop.Svc", Function = function, Line = 10, InApp = true });
        entry.Exceptions.Add(exception);
        return entry;
    }

    [Fact]
    public void ExceptionsBecomeOccurrencesWithOrWithoutACallback()
    {
        var at = new DateTimeOffset(2026, 1, 2, 10, 0, 0, TimeSpan.Zero);
        var plain = new IncidentGrouper(new FingerprinterV1(), new GroupingOptions());
        var seen = new List<string>();
        var withCallback = new IncidentGrouper(new FingerprinterV1(), new GroupingOptions());
        foreach (var (line, function) in new[] { (1L, "a"), (5L, "a"), (9L, "b") })
        {
            var entry = EntryWithException("app.log", line, function, at.AddMinutes(line));
            Assert.Equal(1, plain.Add(entry));
            withCallback.Add(entry, (incident, _, _) => seen.Add(incident.Id));
        }

        Assert.Equal(3, plain.Occurrences);
        Assert.Equal([2L, 1L], plain.Incidents.Select(i => i.Count).OrderDescending());
        Assert.Equal(3, seen.Count);
        Assert.Equal(seen[0], seen[1]);
        var big = plain.Incidents.Single(i => i.Count == 2);
        Assert.Equal(["app.log:2", "app.log:6"], big.OccurrenceIds);
        Assert.Equal(at.AddMinutes(1), big.FirstSeen);
        Assert.Equal(at.AddMinutes(5), big.LastSeen);
        Assert.Equal("Svc", big.CulpritFrame!.Module![^3..]);
    }

    [Fact]
    public void InfoLinesWithoutExceptionsAreNotIncidents()
    {
        var grouper = new IncidentGrouper(new FingerprinterV1(), new GroupingOptions());
        Assert.Equal(0, grouper.Add(new LogEntry { Level = LogLevel.Info, Message = "ok" }));
        Assert.Equal(1, grouper.Add(new LogEntry { Level = LogLevel.Error, Message = "disk full" }));
        Assert.Single(grouper.Incidents);
    }
}
