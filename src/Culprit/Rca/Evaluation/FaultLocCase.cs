namespace Culprit.Rca.Evaluation;

/// <summary>One case of a fault-localisation manifest (../shared/data/faultloc): a trace and the methods the fix changed.</summary>
public sealed record FaultLocCase(string Id, string Language, string TraceFile, IReadOnlyList<FaultLocLocation> Locations, int? BaselineMethodRank);

/// <summary>A file the fix changed and the methods (buggy-version line ranges) that count as hits.</summary>
public sealed record FaultLocLocation(string File, IReadOnlyList<(string Name, int Start, int End)> Methods);
