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

/// <summary>Which incidents to list.</summary>
public sealed record IncidentFilter(IncidentStatus? Status = null, DateTimeOffset? Since = null, string? Service = null, int Limit = 100);

/// <summary>One change of an incident's status, kept as history.</summary>
public sealed record StatusChange(string IncidentId, IncidentStatus From, IncidentStatus To, string? Actor, string? Note, DateTimeOffset At);
