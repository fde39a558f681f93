using Culprit.Storage;
using Microsoft.Extensions.Configuration;

namespace Culprit.Cli;

/// <summary>
/// Reads <c>culprit.yaml</c> (or the file given with <c>--config</c>; JSON works too) and environment variables
/// <c>CULPRIT__SECTION__KEY</c>, which win over the file; command-line flags win over both.
/// </summary>
public static class CliConfiguration
{
    public static IConfiguration Load(string? configPath)
    {
        var builder = new ConfigurationBuilder();
        var path = configPath ?? (File.Exists("culprit.yaml") ? "culprit.yaml" : File.Exists("culprit.yml") ? "culprit.yml" : null);
        if (configPath is not null && !File.Exists(configPath))
            throw new UsageException($"--config: file not found: '{configPath}'");
        if (path is not null)
        {
            var full = Path.GetFullPath(path);
            if (full.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                builder.AddJsonFile(full, optional: false);
            else
                builder.AddYamlFile(full, optional: false);
        }

        builder.AddEnvironmentVariables("CULPRIT__");
        try
        {
            return builder.Build();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or IOException)
        {
            throw new UsageException($"cannot read the configuration '{path}': {e.Message}");
        }
    }

    /// <summary>The storage options: <c>storage: embedded</c> or <c>storage: {postgres, clickhouse, archive, …}</c>, then <c>--data</c>.</summary>
    public static StorageOptions Storage(IConfiguration configuration, string? dataDirectory)
    {
        var options = new StorageOptions();
        var section = configuration.GetSection("storage");
        var mode = section.Value;
        if (mode is not null && !mode.Equals("embedded", StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"storage: '{mode}' is not a storage mode (use 'embedded', or give postgres/clickhouse/archive settings)");

        options.DataDirectory = dataDirectory ?? configuration["data"] ?? section["data"] ?? options.DataDirectory;
        options.Postgres = Blank(section["postgres"]);
        options.ClickHouse = Blank(section["clickhouse"]);
        options.Archive = Blank(section["archive"]);
        options.S3Endpoint = Blank(section["s3_endpoint"]) ?? Blank(Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_S3")) ?? Blank(Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL"));
        options.S3Region = Blank(section["s3_region"]) ?? Blank(Environment.GetEnvironmentVariable("AWS_REGION")) ?? options.S3Region;
        options.ArchiveRetentionDays = Days(section, "retention:archive_days", options.ArchiveRetentionDays);
        options.LogRetentionDays = Days(section, "retention:log_days", options.LogRetentionDays);
        options.SampleRetentionDays = Days(section, "retention:sample_days", options.SampleRetentionDays);

        var problems = options.Validate();
        if (problems.Count > 0)
            throw new UsageException("invalid configuration: " + string.Join("; ", problems));
        return options;
    }

    /// <summary>The <c>ingest</c> section: <c>batch_entries</c>.</summary>
    public static Pipeline.IngestOptions Ingest(IConfiguration configuration)
    {
        var options = new Pipeline.IngestOptions();
        if (configuration["ingest:batch_entries"] is { } text)
        {
            if (!int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var entries) || entries < 1)
                throw new UsageException($"ingest.batch_entries: '{text}' is not a positive whole number");
            options.BatchEntries = entries;
        }

        return options;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int Days(IConfiguration section, string key, int fallback)
    {
        var text = section[key];
        if (text is null)
            return fallback;
        if (!int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var days))
            throw new UsageException($"storage.{key.Replace(':', '.')}: '{text}' is not a whole number of days");
        return days;
    }
}
