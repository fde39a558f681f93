using Culprit.Model;

namespace Culprit.Storage;

/// <summary>Which incidents to list; every filter is optional.</summary>
/// <param name="Status">Only incidents with this status.</param>
/// <param name="Since">Only incidents last seen at or after this moment.</param>
/// <param name="Service">Only incidents seen in this service.</param>
/// <param name="Limit">At most this many, largest count first.</param>
/// <param name="OpenOnly">Only open incidents: new, investigating or regressed (not resolved or ignored).</param>
public sealed record IncidentFilter(IncidentStatus? Status = null, DateTimeOffset? Since = null, string? Service = null, int Limit = 100, bool OpenOnly = false);
