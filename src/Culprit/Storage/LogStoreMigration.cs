namespace Culprit.Storage;

/// <summary>
/// One numbered, forward-only schema step of a log store. Stores apply the steps above the highest version
/// they have recorded, in order, and record each one once it is applied.
/// </summary>
public sealed record LogStoreMigration(int Version, string Description, IReadOnlyList<string> Statements);
