using Culprit.Model;

namespace Culprit.Storage;

/// <summary>An incident as stored: totals over every batch.</summary>
public sealed record IncidentRecord(
    string Id,
    string Fingerprint,
    string GroupingVersion,
    string Basis,
    string Title,
    long Count,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    IncidentStatus Status,
    IReadOnlyList<string> Services,
    IReadOnlyList<string> Versions,
    string? CulpritJson,
    string RepresentativeId,
    string RepresentativeMessage,
    string? RepresentativeExceptionJson);
