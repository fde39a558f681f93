namespace Culprit.Storage;

/// <summary>
/// An incident as first seen in a batch, and what the batch widens: first/last seen, services and versions.
/// Its count is not here: the store counts the occurrences it actually inserts.
/// </summary>
public sealed class IncidentDelta
{
    /// <summary>The incident id (derived from the fingerprint); an existing incident keeps its stored id.</summary>
    public required string Id { get; init; }

    public required string Fingerprint { get; init; }

    public required string GroupingVersion { get; init; }

    public required string Basis { get; init; }

    /// <summary>Kept from the first batch that created the incident, like the representative.</summary>
    public required string Title { get; init; }

    /// <summary>The culprit frame as JSON (the <c>culprit exceptions</c> frame shape), or null.</summary>
    public string? CulpritJson { get; init; }

    /// <summary>The representative occurrence: its id, and its exception as JSON (or null for a plain error line).</summary>
    public required string RepresentativeId { get; init; }

    public string? RepresentativeExceptionJson { get; init; }

    public required string RepresentativeMessage { get; init; }

    public DateTimeOffset? FirstSeen { get; set; }

    public DateTimeOffset? LastSeen { get; set; }

    public SortedSet<string> Services { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Versions { get; } = new(StringComparer.Ordinal);
}
