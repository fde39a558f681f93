using Culprit.Model;

namespace Culprit.Pipeline;

/// <summary>The outcome of an analyze run: incidents sorted by count, and the run's counts.</summary>
public sealed record AnalysisResult(IReadOnlyList<Incident> Incidents, RunStats Stats, long Occurrences, TimeSpan Elapsed);
