namespace Culprit.IntegrationTests.Support;

/// <summary>
/// Where the real servers the integration tests use are (started by <c>scripts/services start</c>);
/// each can be moved with an environment variable.
/// </summary>
public static class TestServers
{
    public static string Postgres =>
        Environment.GetEnvironmentVariable("CULPRIT_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=postgres";

    public static Uri ClickHouse =>
        new(Environment.GetEnvironmentVariable("CULPRIT_TEST_CLICKHOUSE") ?? "http://127.0.0.1:8123/");

    public static Uri S3 =>
        new(Environment.GetEnvironmentVariable("CULPRIT_TEST_S3") ?? "http://127.0.0.1:5000/");

    /// <summary>A name no other test uses, for a database, schema or bucket of its own.</summary>
    public static string UniqueName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)].ToLowerInvariant();
}
