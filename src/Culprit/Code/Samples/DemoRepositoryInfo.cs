namespace Culprit.Code.Samples;

/// <summary>What <see cref="DemoRepository.Build"/> made: where the repository is, its head and every service's deploys.</summary>
public sealed record DemoRepositoryInfo(string Path, string HeadSha, IReadOnlyList<DemoServiceDeploys> Services, DateTimeOffset BuiltAt)
{
    /// <summary>
    /// The commit a service's version was built from, or null for a version the demo does not know. The sample logs
    /// carry versions (and payments-api a short SHA of a repository that is not this one): map them through here.
    /// </summary>
    public string? CommitFor(string service, string version)
    {
        foreach (var deploys in Services)
        {
            if (!string.Equals(deploys.Service, service, StringComparison.Ordinal))
                continue;
            if (string.Equals(deploys.Current.Version, version, StringComparison.Ordinal))
                return deploys.Current.CommitSha;
            if (string.Equals(deploys.Previous.Version, version, StringComparison.Ordinal))
                return deploys.Previous.CommitSha;
        }

        return null;
    }
}
