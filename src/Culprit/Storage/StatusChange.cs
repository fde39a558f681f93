using Culprit.Model;

namespace Culprit.Storage;

/// <summary>One change of an incident's status, kept as history.</summary>
public sealed record StatusChange(string IncidentId, IncidentStatus From, IncidentStatus To, string? Actor, string? Note, DateTimeOffset At);
