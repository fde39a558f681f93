namespace Culprit.Code.Samples;

/// <summary>A demo service's last two deploys: the last good one and the one that produced the sample logs.</summary>
public sealed record DemoServiceDeploys(string Service, string Environment, DemoDeploy Previous, DemoDeploy Current);
