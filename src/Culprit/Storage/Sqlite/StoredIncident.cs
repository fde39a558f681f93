using Culprit.Model;

namespace Culprit.Storage.Sqlite;

/// <summary>What the upsert of an incident returns: the stored id, and the status with when it last changed.</summary>
internal sealed record StoredIncident(string Id, IncidentStatus Status, DateTimeOffset? StatusChangedAt);
