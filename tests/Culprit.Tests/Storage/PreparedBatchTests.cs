using Culprit.Storage;

namespace Culprit.Tests.Storage;

public sealed class PreparedBatchTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 15, 0, TimeSpan.Zero);

    private static IncidentDelta Delta(string fingerprint, string id, DateTimeOffset? first, DateTimeOffset? last, params string[] services)
    {
        var delta = new IncidentDelta
        {
            Id = id,
            Fingerprint = fingerprint,
            GroupingVersion = "v1",
            Basis = "frames",
            Title = fingerprint,
            RepresentativeId = "a:1",
            RepresentativeMessage = "m",
            FirstSeen = first,
            LastSeen = last,
        };
        delta.Services.UnionWith(services);
        return delta;
    }

    private static OccurrenceRecord Occurrence(string incident, string source, long line) => new(incident, source, line, T0, null, null, null, null);

    [Fact]
    public void IncidentsAreMergedPerFingerprintAndSortedByIt()
    {
        var batch = new IncidentBatch();
        batch.Incidents.Add(Delta("ff", "f1", T0, T0, "api"));
        batch.Incidents.Add(Delta("aa", "a1", null, null));
        batch.Incidents.Add(Delta("ff", "f2", T0.AddHours(-1), T0.AddHours(1), "worker"));

        var prepared = PreparedBatch.From(batch);

        Assert.Equal(["aa", "ff"], prepared.Incidents.Select(i => i.Fingerprint));
        var merged = prepared.Incidents[1];
        Assert.Equal("f1", merged.Id);
        Assert.Equal((T0.AddHours(-1), T0.AddHours(1)), (merged.FirstSeen!.Value, merged.LastSeen!.Value));
        Assert.Equal(["api", "worker"], merged.Services);
        Assert.Equal("ff", prepared.FingerprintOf["f2"]);
    }

    [Fact]
    public void OccurrencesAreSortedBySourceAndLineWithoutRepeats()
    {
        var batch = new IncidentBatch();
        batch.Incidents.Add(Delta("aa", "a", T0, T0));
        batch.Occurrences.Add(Occurrence("a", "b.log", 2));
        batch.Occurrences.Add(Occurrence("a", "a.log", 10));
        batch.Occurrences.Add(Occurrence("a", "a.log", 9));
        batch.Occurrences.Add(Occurrence("a", "b.log", 2));

        var prepared = PreparedBatch.From(batch);

        Assert.Equal([("a.log", 9L), ("a.log", 10L), ("b.log", 2L)], prepared.Occurrences.Select(o => (o.Source, o.Line)));
    }

    [Fact]
    public void TheLastCheckpointOfASourceWins()
    {
        var batch = new IncidentBatch();
        batch.Checkpoints.Add(new SourceCheckpoint("b.log", null, 10, 1, T0));
        batch.Checkpoints.Add(new SourceCheckpoint("a.log", null, 10, 1, T0));
        batch.Checkpoints.Add(new SourceCheckpoint("b.log", null, 20, 2, T0));

        var prepared = PreparedBatch.From(batch);

        Assert.Equal([("a.log", 10L), ("b.log", 20L)], prepared.Checkpoints.Select(c => (c.Source, c.Offset)));
    }

    [Fact]
    public void AnOccurrenceOfAnIncidentTheBatchDoesNotCarryIsRefused()
    {
        var batch = new IncidentBatch();
        batch.Occurrences.Add(Occurrence("missing", "a.log", 1));

        var error = Assert.Throws<ArgumentException>(() => PreparedBatch.From(batch));

        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HoursAreTruncatedInUtc()
    {
        var at = new DateTimeOffset(2026, 3, 1, 11, 59, 59, TimeSpan.FromHours(2));

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), PreparedBatch.Hour(at));
    }
}
