using Culprit.Storage;

namespace Culprit.IntegrationTests.Storage;

/// <summary>Deploys kept beside the incidents: recorded once, listed newest first, the live one at a time, the one before.</summary>
public abstract partial class IncidentStoreContract
{
    private static DeployRecord Deploy(string version, int hoursAfterT0, string service = "api", string environment = "prod", string? sha = null) =>
        new(service, environment, version, sha ?? version.Replace(".", "", StringComparison.Ordinal).PadRight(40, '0'), T0.AddHours(hoursAfterT0));

    private async Task<IDeployStore> DeploysAsync(params DeployRecord[] deploys)
    {
        var store = (IDeployStore)await OpenMigratedAsync();
        foreach (var deploy in deploys)
            Assert.True(await store.RecordDeployAsync(deploy));
        return store;
    }

    [Fact]
    public async Task DeploysRoundTripNewestFirstAndTheSameOneIsStoredOnce()
    {
        var store = await DeploysAsync(
            Deploy("1.0", 0),
            Deploy("1.1", 5) with { Origin = DeployRecord.FromLogs, CommitSha = null },
            Deploy("1.0", 1, environment: "staging"),
            Deploy("9.0", 2, service: "billing", environment: ""));

        Assert.False(await store.RecordDeployAsync(Deploy("1.0", 0)));

        var all = await store.ListDeploysAsync();
        Assert.Equal(
            [("api", "prod", "1.1", 5), ("billing", "", "9.0", 2), ("api", "staging", "1.0", 1), ("api", "prod", "1.0", 0)],
            all.Select(d => (d.Service, d.Environment, d.Version, (int)(d.DeployedAt - T0).TotalHours)));
        Assert.Equal(Deploy("1.1", 5) with { Origin = DeployRecord.FromLogs, CommitSha = null }, all[0]);
        Assert.Equal(Deploy("1.0", 0), all[3]);
        Assert.Equal(TimeSpan.Zero, all[0].DeployedAt.Offset);

        Assert.Equal(["1.1", "1.0"], (await store.ListDeploysAsync("api", "prod")).Select(d => d.Version));
        Assert.Equal(["1.1", "1.0"], (await store.ListDeploysAsync(service: "api")).Select(d => d.Version).Distinct());
        Assert.Equal(["9.0"], (await store.ListDeploysAsync(environment: "")).Select(d => d.Version));
        Assert.Equal(["1.1"], (await store.ListDeploysAsync("api", "prod", limit: 1)).Select(d => d.Version));
        Assert.Empty(await store.ListDeploysAsync("nobody"));
    }

    [Fact]
    public async Task TheActiveDeployIsTheLatestAtOrBeforeTheTime()
    {
        var store = await DeploysAsync(Deploy("1.0", 0), Deploy("1.1", 5), Deploy("2.0", 5, environment: "staging"));

        Assert.Null(await store.GetActiveDeployAsync("api", "prod", T0.AddMinutes(-1)));
        Assert.Equal("1.0", (await store.GetActiveDeployAsync("api", "prod", T0))!.Version);
        Assert.Equal("1.0", (await store.GetActiveDeployAsync("api", "prod", T0.AddHours(5).AddTicks(-10)))!.Version);
        Assert.Equal("1.1", (await store.GetActiveDeployAsync("api", "prod", T0.AddHours(5)))!.Version);
        Assert.Equal("1.1", (await store.GetActiveDeployAsync("api", "prod", T0.AddDays(30)))!.Version);
        Assert.Equal("2.0", (await store.GetActiveDeployAsync("api", "staging", T0.AddDays(30)))!.Version);
        Assert.Null(await store.GetActiveDeployAsync("billing", "prod", T0.AddDays(30)));
    }

    [Fact]
    public async Task ThePreviousDeployIsTheOneLiveBeforeTheVersionsLatestDeploy()
    {
        // 1.0, 1.1, rolled back to 1.0, then 1.1 again.
        var store = await DeploysAsync(Deploy("1.0", 0), Deploy("1.1", 2), Deploy("1.0", 3), Deploy("1.1", 4), Deploy("3.0", 1, environment: "staging"));

        var previous = await store.GetPreviousDeployAsync("api", "prod", "1.1");
        Assert.Equal(Deploy("1.0", 3), previous);
        Assert.Equal(Deploy("1.1", 2), await store.GetPreviousDeployAsync("api", "prod", "1.0"));
        Assert.Null(await store.GetPreviousDeployAsync("api", "staging", "3.0"));
        Assert.Null(await store.GetPreviousDeployAsync("api", "prod", "7.7"));
    }
}
