namespace Culprit.Grouping;

/// <summary>A grouping key: its hash, the algorithm version, what it was built from, and the readable components.</summary>
public sealed record Fingerprint(string Hash, string Version, string Basis, IReadOnlyList<string> Components);
