namespace Culprit.Code.Samples;

/// <summary>One deploy of a demo service: the version, the commit it was built from and when it went out.</summary>
public sealed record DemoDeploy(string Version, string CommitSha, DateTimeOffset DeployedAt);
