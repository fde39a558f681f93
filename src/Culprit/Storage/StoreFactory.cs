using Culprit.Storage.Archive;
using Culprit.Storage.ClickHouse;
using Culprit.Storage.DuckDb;
using Culprit.Storage.Postgres;
using Culprit.Storage.Sqlite;

namespace Culprit.Storage;

/// <summary>Opens the stores <see cref="StorageOptions"/> names: each role on its server when configured, else embedded in the data folder.</summary>
public static class StoreFactory
{
    public static async Task<StoreSet> OpenAsync(StorageOptions options, TimeProvider time, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var data = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(data);
        var parts = new List<string>();
        IIncidentStore? incidents = null;
        ILogStore? logs = null;
        ICodeIndexStore? codeIndex = null;
        try
        {
            if (options.Postgres is { } postgres)
            {
                incidents = new PostgresIncidentStore(postgres, time);
                codeIndex = new PostgresCodeIndexStore(postgres, time);
                parts.Add("PostgreSQL");
            }
            else
            {
                incidents = new SqliteIncidentStore(Path.Combine(data, "incidents.db"), time);
                codeIndex = new SqliteCodeIndexStore(Path.Combine(data, "incidents.db"), time);
                parts.Add(Path.Combine(data, "incidents.db"));
            }

            if (options.ClickHouse is { } clickHouse)
            {
                var (endpoint, database) = ClickHouseLocation(clickHouse);
                logs = new ClickHouseLogStore(new ClickHouseHttpClient(endpoint), database);
                parts.Add($"ClickHouse {endpoint}{database}");
            }
            else
            {
                var duckDb = Path.Combine(data, "logs.duckdb");
                logs = new LazyLogStore(() => DuckDbLogStore.Open(duckDb));
                parts.Add(Path.Combine(data, "logs.duckdb"));
            }

            var archiveLocation = options.Archive ?? Path.Combine(data, "archive");
            var archive = RawArchives.Open(archiveLocation, configureS3: s3 =>
            {
                if (options.S3Endpoint is { } endpoint)
                {
                    s3.ServiceUrl = new Uri(endpoint);
                    s3.ForcePathStyle = true;
                }

                s3.Region = options.S3Region;
            });
            parts.Add(archiveLocation);
            return new StoreSet(incidents, logs, archive, string.Join(", ", parts), codeIndex);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            if (incidents is not null)
                await incidents.DisposeAsync();
            if (logs is not null)
                await logs.DisposeAsync();
            if (codeIndex is not null)
                await codeIndex.DisposeAsync();
            throw new StorageException(StorageFailureKind.Unreachable, data, e.Message, e);
        }
    }

    /// <summary>Splits <c>http://host:8123/?database=name</c> into the endpoint and the database (default <c>culprit</c>).</summary>
    public static (Uri Endpoint, string Database) ClickHouseLocation(string url)
    {
        var uri = new Uri(url);
        var database = "culprit";
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && pair[..eq] == "database")
                database = Uri.UnescapeDataString(pair[(eq + 1)..]);
        }

        return (new Uri(uri.GetLeftPart(UriPartial.Authority) + "/"), database);
    }
}
