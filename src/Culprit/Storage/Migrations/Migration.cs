namespace Culprit.Storage.Migrations;

/// <summary>One numbered, forward-only schema change of one backend, with the checksum recorded when it is applied.</summary>
internal sealed record Migration(int Version, string Name, string Sql, string Checksum);
