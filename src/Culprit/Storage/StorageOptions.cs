namespace Culprit.Storage;

/// <summary>
/// Where Culprit keeps its data. Embedded (the default): SQLite, DuckDB and a compressed archive folder under
/// <see cref="DataDirectory"/>. At scale: PostgreSQL, ClickHouse and an S3-compatible archive, each given by URL.
/// A role without a server falls back to its embedded store in the data directory. Retention windows are
/// off by default — nothing is deleted unless asked — because analyzing last month's logs is a normal use.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>Folder of the embedded stores (default <c>.culprit</c> in the working directory).</summary>
    public string DataDirectory { get; set; } = ".culprit";

    /// <summary>Npgsql connection string of the incident store, or null for SQLite.</summary>
    public string? Postgres { get; set; }

    /// <summary>HTTP URL of the ClickHouse server of the log store (e.g. <c>http://127.0.0.1:8123/?database=culprit</c>), or null for DuckDB.</summary>
    public string? ClickHouse { get; set; }

    /// <summary><c>s3://bucket/prefix</c> of the raw archive, or null for the archive folder.</summary>
    public string? Archive { get; set; }

    /// <summary>S3 endpoint for S3-compatible stores (MinIO, moto, …); null for AWS. Path-style addressing is used when set.</summary>
    public string? S3Endpoint { get; set; }

    /// <summary>S3 region (default us-east-1).</summary>
    public string S3Region { get; set; } = "us-east-1";

    /// <summary>Days to keep raw archive chunks, by their newest entry's time (default 0: for ever).</summary>
    public int ArchiveRetentionDays { get; set; }

    /// <summary>Days to keep log entries, by their timestamp (default 0: for ever).</summary>
    public int LogRetentionDays { get; set; }

    /// <summary>Days to keep occurrences' sample text, by their timestamp (default 0: for ever; counts are always kept).</summary>
    public int SampleRetentionDays { get; set; }

    public bool IsEmbedded => Postgres is null && ClickHouse is null && Archive is null;

    /// <summary>Every problem with these options, as readable sentences; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(DataDirectory))
            problems.Add("storage: the data directory is empty");
        if (ClickHouse is not null && !Uri.TryCreate(ClickHouse, UriKind.Absolute, out var ch))
            problems.Add($"storage.clickhouse: '{ClickHouse}' is not an http(s) URL");
        else if (ClickHouse is not null && Uri.TryCreate(ClickHouse, UriKind.Absolute, out ch) && ch.Scheme is not ("http" or "https"))
            problems.Add($"storage.clickhouse: '{ClickHouse}' must use http or https (the HTTP interface, usually port 8123)");
        if (Archive is not null && !Archive.StartsWith("s3://", StringComparison.Ordinal) && !Path.IsPathFullyQualified(Archive) && Archive.Contains("://", StringComparison.Ordinal))
            problems.Add($"storage.archive: '{Archive}' must be s3://bucket/prefix or a folder");
        if (Archive is "s3://" or "s3:///")
            problems.Add("storage.archive: the S3 URL names no bucket");
        foreach (var (name, days) in new[] { ("archive", ArchiveRetentionDays), ("logs", LogRetentionDays), ("samples", SampleRetentionDays) })
        {
            if (days < 0)
                problems.Add($"storage.retention.{name}: {days} days is negative (0 keeps data for ever)");
        }

        return problems;
    }
}
