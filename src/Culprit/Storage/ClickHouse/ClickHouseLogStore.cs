using System.Globalization;

namespace Culprit.Storage.ClickHouse;

/// <summary>
/// The log store at scale: a MergeTree table in ClickHouse ordered by (service, timestamp) and partitioned by
/// month, reached through <see cref="ClickHouseHttpClient"/>. One append is one INSERT in RowBinary sent as a
/// single block (<c>max_insert_block_size</c> is raised to the row count), so a failed append stores nothing.
/// </summary>
/// <remarks>
/// ClickHouse writes one part per month a block touches, one after the other: an append that spans a month
/// boundary and is cut by a server crash between those parts can keep one month's rows. The marks are a
/// second INSERT: if only that one fails, the call throws although the entries are stored, and
/// <see cref="HighWaterMarkAsync"/> (which also reads the entries) already counts them — read it again
/// before retrying rather than sending the same rows twice.
/// </remarks>
public sealed class ClickHouseLogStore : ILogStore
{
    private static readonly TimeSpan[] SearchWindows = [TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(30)];

    private readonly ClickHouseHttpClient _client;
    private readonly string _database;
    private readonly string _entries;
    private readonly string _sources;
    private readonly string _migrations;

    /// <param name="client">The server; the caller owns it (disposing the store leaves it open).</param>
    /// <param name="database">The database holding the store's tables (created by <see cref="MigrateAsync"/>).</param>
    public ClickHouseLogStore(ClickHouseHttpClient client, string database = "culprit")
    {
        _client = client;
        _database = ClickHouseSql.Identifier(database);
        _entries = _database + ".log_entries";
        _sources = _database + ".log_sources";
        _migrations = _database + ".log_store_migrations";
        DatabaseName = database;
    }

    public string DatabaseName { get; }

    /// <summary>
    /// Creates the database and applies the migrations it has not recorded. ClickHouse has no locks or
    /// transactions: every step is idempotent (<c>IF NOT EXISTS</c>), so two processes migrating at once end
    /// with the same schema.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await _client.ExecuteAsync($"CREATE DATABASE IF NOT EXISTS {_database}", cancellationToken);
        await _client.ExecuteAsync(
            $"CREATE TABLE IF NOT EXISTS {_migrations} (version UInt32, description String, applied_at DateTime('UTC')) ENGINE = MergeTree() ORDER BY version",
            cancellationToken);
        var current = await _client.ScalarAsync($"SELECT max(version) FROM {_migrations}", cancellationToken);
        foreach (var migration in ClickHouseLogSchema.Migrations)
        {
            if (migration.Version <= current)
                continue;
            foreach (var statement in migration.Statements)
                await _client.ExecuteAsync(statement.Replace("{db}", _database, StringComparison.Ordinal), cancellationToken);
            await _client.ExecuteAsync(
                $"INSERT INTO {_migrations} VALUES ({migration.Version}, {ClickHouseSql.Quote(migration.Description)}, now())", cancellationToken);
        }
    }

    public async Task AppendAsync(IReadOnlyList<LogRow> rows, CancellationToken cancellationToken = default)
    {
        if (rows.Count == 0)
            return;
        var marks = new Dictionary<string, long>(StringComparer.Ordinal);
        var blockSize = ClickHouseSql.Number(Math.Max(rows.Count, 1_048_576));
        await _client.InsertAsync(
            $"INSERT INTO {_entries} ({ClickHouseLogSchema.InsertColumns}) FORMAT RowBinary",
            body =>
            {
                var writer = new RowBinaryWriter(body);
                for (var i = 0; i < rows.Count; i++)
                {
                    var row = rows[i];
                    ClickHouseLogRows.Write(writer, row);
                    if (!marks.TryGetValue(row.Source, out var line) || row.Line > line)
                        marks[row.Source] = line = row.Line;
                }
            },
            $"max_insert_block_size={blockSize}",
            cancellationToken);

        // After the entries: a crash in between leaves the mark behind, and the entries still give it.
        await _client.InsertAsync(
            $"INSERT INTO {_sources} (source, line) FORMAT RowBinary",
            body =>
            {
                var writer = new RowBinaryWriter(body);
                foreach (var (source, line) in marks)
                {
                    writer.String(source);
                    writer.Int64(line);
                }
            },
            null,
            cancellationToken);
    }

    public Task<long> HighWaterMarkAsync(string source, CancellationToken cancellationToken = default)
    {
        var literal = ClickHouseSql.Quote(source);
        return _client.ScalarAsync(
            $"SELECT greatest((SELECT max(line) FROM {_sources} WHERE source = {literal}), (SELECT max(line) FROM {_entries} WHERE source = {literal}))",
            cancellationToken);
    }

    /// <remarks>
    /// 18.16 sorts every match before it keeps the newest, so the search first looks only at the last hour
    /// before the newest stored time (or before <see cref="LogQuery.To"/>), then the last day, then 30 days:
    /// once a window holds the limit, its newest are the newest of all. Only then is everything searched.
    /// </remarks>
    public async Task<IReadOnlyList<LogRow>> SearchAsync(LogQuery query, CancellationToken cancellationToken = default)
    {
        var limit = LogRowText.Limit(query);
        if (limit == 0)
            return [];
        if (await NewestTimeAsync(cancellationToken) is { } newest)
        {
            var end = query.To is { } to && to < newest ? to : newest;
            foreach (var window in SearchWindows)
            {
                var from = end - window;
                if (query.From is { } asked && asked >= from)
                    break;
                var rows = await SearchOnceAsync(query with { From = from }, limit, cancellationToken);
                if (rows.Count >= limit)
                    return rows;
            }
        }

        return await SearchOnceAsync(query, limit, cancellationToken);
    }

    public Task<IReadOnlyList<TimeBucket>> TimelineAsync(LogQuery query, TimeSpan bucket, CancellationToken cancellationToken = default)
    {
        var width = Math.Max(1, (long)bucket.TotalMilliseconds);
        var where = ClickHouseLogFilter.Where(query, "has_time = 1");
        // Whole-second buckets stay on the 32-bit seconds column, the cheaper sum.
        var key = width % 1000 == 0
            ? $"intDiv(toUInt32(timestamp), {width / 1000}) * {width}"
            : $"intDiv(toUInt64(timestamp) * 1000 + millis, {width}) * {width}";
        return _client.QueryAsync(
            $"SELECT {key} AS bucket, count() AS n FROM {_entries} {where} GROUP BY bucket ORDER BY bucket",
            r => new TimeBucket(LogRowText.FromUnixMilliseconds(r.GetProperty("bucket").GetInt64()), r.GetProperty("n").GetInt64()),
            cancellationToken);
    }

    public Task<IReadOnlyList<IncidentCount>> TopIncidentsAsync(LogQuery query, CancellationToken cancellationToken = default) =>
        _client.QueryAsync(
            $"SELECT incident_id, count() AS n FROM {_entries} {ClickHouseLogFilter.Where(query, "incident_id != ''")} "
            + $"GROUP BY incident_id ORDER BY n DESC, incident_id LIMIT {LogRowText.Limit(query)}",
            r => new IncidentCount(r.GetProperty("incident_id").GetString() ?? "", r.GetProperty("n").GetInt64()),
            cancellationToken);

    public Task<IReadOnlyList<HeatmapCell>> HeatmapAsync(LogQuery query, CancellationToken cancellationToken = default) =>
        _client.QueryAsync(
            $"SELECT culprit_file, culprit_function, count() AS n FROM {_entries} {ClickHouseLogFilter.Where(query, "culprit_file != '' OR culprit_function != ''")} "
            + $"GROUP BY culprit_file, culprit_function ORDER BY n DESC, culprit_file, culprit_function LIMIT {LogRowText.Limit(query)}",
            r => new HeatmapCell(r.GetProperty("culprit_file").GetString() ?? "", r.GetProperty("culprit_function").GetString() ?? "", r.GetProperty("n").GetInt64()),
            cancellationToken);

    public async Task<IReadOnlyList<LogRow>> TraceAsync(string traceId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(traceId))
            return [];
        return await _client.QueryAsync(
            $"SELECT {ClickHouseLogSchema.SelectColumns} FROM {_entries} WHERE trace_id = {ClickHouseSql.Quote(traceId)} "
            + "ORDER BY has_time DESC, timestamp, millis, source, line",
            ClickHouseLogRows.Read,
            cancellationToken);
    }

    /// <summary>
    /// The newest entries matching the query. The inner query finds them reading only the filtered and sorted
    /// columns; the outer one reads whole rows only where they are, with the filter repeated so that months
    /// and key ranges outside it are skipped there too.
    /// </summary>
    private Task<IReadOnlyList<LogRow>> SearchOnceAsync(LogQuery query, int limit, CancellationToken cancellationToken)
    {
        const string newestFirst = "ORDER BY has_time DESC, timestamp DESC, millis DESC, source DESC, line DESC";
        var where = ClickHouseLogFilter.Where(query);
        return _client.QueryAsync(
            $"SELECT {ClickHouseLogSchema.SelectColumns} FROM {_entries} "
            + $"PREWHERE (source, line) IN (SELECT source, line FROM {_entries} {where} {newestFirst} LIMIT {limit}) "
            + $"{where} {newestFirst} LIMIT {limit}",
            ClickHouseLogRows.Read,
            cancellationToken);
    }

    /// <summary>The newest stored time (to the second, rounded up), from the parts' time ranges; null when nothing has a time.</summary>
    private async Task<DateTimeOffset?> NewestTimeAsync(CancellationToken cancellationToken)
    {
        var seconds = await _client.ScalarAsync(
            $"SELECT toUInt32(max(max_time)) FROM system.parts WHERE database = {ClickHouseSql.Quote(DatabaseName)} AND table = 'log_entries' AND active",
            cancellationToken);
        return seconds > 0 ? DateTimeOffset.FromUnixTimeSeconds(seconds + 1) : null;
    }

    /// <summary>
    /// Drops whole months before the cutoff's month, deletes the rest with a mutation and waits until the
    /// mutation is done; returns how many entries were older than the cutoff. Entries without a time stay.
    /// </summary>
    public async Task<long> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var older = ClickHouseLogFilter.Where(new LogQuery { To = cutoff });
        var count = await _client.ScalarAsync($"SELECT count() FROM {_entries} {older}", cancellationToken);
        if (count == 0)
            return 0;

        var month = ClickHouseSql.Number((cutoff.UtcDateTime.Year * 100) + cutoff.UtcDateTime.Month);
        var partitions = await _client.QueryAsync(
            $"SELECT DISTINCT partition FROM system.parts WHERE database = {ClickHouseSql.Quote(DatabaseName)} AND table = 'log_entries' AND active "
            + $"AND partition < {ClickHouseSql.Quote(month)} AND partition != '197001'",
            r => r.GetProperty("partition").GetString() ?? "",
            cancellationToken);
        foreach (var partition in partitions)
        {
            if (int.TryParse(partition, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                await _client.ExecuteAsync($"ALTER TABLE {_entries} DROP PARTITION {ClickHouseSql.Number(id)}", cancellationToken);
        }

        if (await _client.ScalarAsync($"SELECT count() FROM {_entries} {older}", cancellationToken) > 0)
        {
            await _client.ExecuteAsync($"ALTER TABLE {_entries} DELETE {older}", cancellationToken);
            await WaitForMutationsAsync(cancellationToken);
        }

        return count;
    }

    public Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        _client.ScalarAsync($"SELECT count() FROM {_entries}", cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task WaitForMutationsAsync(CancellationToken cancellationToken)
    {
        // 18.16 has no mutations_sync; the mutation runs in the background and system.mutations says when it is done.
        var pending = $"SELECT count() FROM system.mutations WHERE database = {ClickHouseSql.Quote(DatabaseName)} AND table = 'log_entries' AND is_done = 0";
        var delay = TimeSpan.FromMilliseconds(20);
        while (await _client.ScalarAsync(pending, cancellationToken) > 0)
        {
            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 1000));
        }
    }
}
