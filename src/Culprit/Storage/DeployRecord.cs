namespace Culprit.Storage;

/// <summary>
/// A version of a service going live in an environment. <see cref="Environment"/> is "" when the deploy names none;
/// <see cref="Origin"/> says who recorded it: <c>command</c>, <c>api</c> or <c>logs</c>.
/// </summary>
public sealed record DeployRecord(string Service, string Environment, string Version, string? CommitSha, DateTimeOffset DeployedAt, string Origin = DeployRecord.FromCommand)
{
    public const string FromCommand = "command";
    public const string FromApi = "api";
    public const string FromLogs = "logs";
}
