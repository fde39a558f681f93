namespace Culprit.Code.Samples;

/// <summary>One line of samples/deploys.json.</summary>
internal sealed record DemoDeployEntry(string Service, string Environment, string Version, DateTimeOffset DeployedAt);
