using System.Data.Common;
using System.Globalization;
using System.Text;
using Culprit.Model;
using DuckDB.NET.Data;

namespace Culprit.Storage.DuckDb;

/// <summary>
/// The embedded log store: one DuckDB database file (the CLI's is <c>.culprit/logs.duckdb</c>). Appends go
/// through DuckDB's appender inside a transaction, so one call is stored whole or not at all. Calls are
/// serialised on one connection; DuckDB itself lets only one process open the file for writing.
/// </summary>
public sealed class DuckDbLogStore : ILogStore
{
    private const string SearchOrder = "ts DESC NULLS LAST, source DESC, line DESC";
    private const string TraceOrder = "ts NULLS LAST, source, line";
    private static readonly string SearchSelect = DuckDbLogSchema.SelectHits("h." + SearchOrder.Replace(", ", ", h.", StringComparison.Ordinal));
    private static readonly string TraceSelect = DuckDbLogSchema.SelectHits("h." + TraceOrder.Replace(", ", ", h.", StringComparison.Ordinal));

    private readonly DuckDBConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly DuckDbLogRows _rows = new();
    private readonly DuckDbStringIds _ids = new();

    private DuckDbLogStore(string path, DuckDBConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens (or creates) the database file; call <see cref="MigrateAsync"/> before anything else.</summary>
    /// <exception cref="InvalidDataException">The file is not a DuckDB database or is damaged (the message names the file).</exception>
    /// <exception cref="IOException">The file cannot be opened, for instance because another process holds it.</exception>
    public static DuckDbLogStore Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(full) is { } directory)
            Directory.CreateDirectory(directory);
        var connection = new DuckDBConnection(new DuckDBConnectionStringBuilder { DataSource = full }.ConnectionString);
        try
        {
            connection.Open();
        }
        catch (DuckDBException e)
        {
            connection.Dispose();
            throw DuckDbErrors.Opening(full, e);
        }

        return new DuckDbLogStore(full, connection);
    }

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Execute("CREATE TABLE IF NOT EXISTS log_store_migrations (version INTEGER PRIMARY KEY, description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)");
            var current = Scalar<int?>("SELECT max(version) FROM log_store_migrations") ?? 0;
            foreach (var migration in DuckDbLogSchema.Migrations)
            {
                if (migration.Version <= current)
                    continue;
                using var transaction = _connection.BeginTransaction();
                foreach (var statement in migration.Statements)
                    Execute(statement);
                Execute("INSERT INTO log_store_migrations VALUES (?, decode(?), now()::TIMESTAMP)", migration.Version, migration.Description);
                transaction.Commit();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task AppendAsync(IReadOnlyList<LogRow> rows, CancellationToken cancellationToken = default)
    {
        if (rows.Count == 0)
            return;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_ids.Loaded)
                _ids.Load(ReadStrings());
            using var transaction = _connection.BeginTransaction();
            try
            {
                Store(rows, cancellationToken);
                transaction.Commit();
                _ids.Commit();
            }
            catch
            {
                _ids.Rollback();
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The entries, the new text they refer to and their sources' marks, inside the open transaction.</summary>
    private void Store(IReadOnlyList<LogRow> rows, CancellationToken cancellationToken)
    {
        using (var appender = new DuckDbChunkAppender(_connection, DuckDbLogSchema.Entries, _rows, _ids))
        {
            appender.Append(rows);
            cancellationToken.ThrowIfCancellationRequested();
            appender.Close();
        }

        StorePendingStrings();

        var marks = DuckDbSourceMarks.Of(rows);

        // One statement for every source of the batch: each statement costs about as much as many rows.
        var values = new StringBuilder();
        var parameters = new List<object?>(marks.Count * 2);
        foreach (var (source, line) in marks)
        {
            values.Append(values.Length == 0 ? "(decode(?), ?)" : ", (decode(?), ?)");
            parameters.Add(source);
            parameters.Add(line);
        }

        Execute($"INSERT INTO log_sources VALUES {values} ON CONFLICT (source) DO UPDATE SET line = greatest(log_sources.line, excluded.line)",
            [.. parameters]);
    }

    /// <summary>Text first seen in this append, in statements of up to 500 values.</summary>
    private void StorePendingStrings()
    {
        const int PerStatement = 500;
        var pending = _ids.Pending;
        for (var start = 0; start < pending.Count; start += PerStatement)
        {
            var count = Math.Min(PerStatement, pending.Count - start);
            var values = new StringBuilder();
            var parameters = new object?[count * 2];
            for (var i = 0; i < count; i++)
            {
                values.Append(i == 0 ? "(?, decode(?))" : ", (?, decode(?))");
                parameters[i * 2] = _ids.FirstPendingId + start + i;
                parameters[(i * 2) + 1] = pending[start + i];
            }

            Execute($"INSERT INTO {DuckDbLogSchema.Strings} VALUES {values}", parameters);
        }
    }

    private List<(int, string)> ReadStrings()
    {
        using var command = Command($"SELECT id, value FROM {DuckDbLogSchema.Strings}", []);
        using var reader = command.ExecuteReader();
        var stored = new List<(int, string)>();
        while (reader.Read())
            stored.Add((reader.GetInt32(0), reader.GetString(1)));
        return stored;
    }

    public async Task<long> HighWaterMarkAsync(string source, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return Scalar<long?>("SELECT line FROM log_sources WHERE source = decode(?)", source) ?? 0;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<IReadOnlyList<LogRow>> SearchAsync(LogQuery query, CancellationToken cancellationToken = default)
    {
        return ReadAsync(query, [],
            filter => $"WITH hits AS (SELECT * FROM {DuckDbLogSchema.Entries} {filter.Where} ORDER BY {SearchOrder} LIMIT {LogRowText.Limit(query)}) {SearchSelect}",
            DuckDbLogRows.Read, cancellationToken);
    }

    public Task<IReadOnlyList<TimeBucket>> TimelineAsync(LogQuery query, TimeSpan bucket, CancellationToken cancellationToken = default)
    {
        var width = Math.Max(1, (long)bucket.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        return ReadAsync(query, ["ts IS NOT NULL"],
            filter => $"SELECT (epoch_ms(ts) // {width}) * {width} AS bucket, count(*) FROM {DuckDbLogSchema.Entries} {filter.Where} GROUP BY bucket ORDER BY bucket",
            r => new TimeBucket(LogRowText.FromUnixMilliseconds(r.GetInt64(0)), r.GetInt64(1)), cancellationToken);
    }

    public Task<IReadOnlyList<IncidentCount>> TopIncidentsAsync(LogQuery query, CancellationToken cancellationToken = default)
    {
        return ReadAsync(query, ["incident_id IS NOT NULL"],
            filter => $"SELECT s.value, g.n FROM (SELECT incident_id, count(*) AS n FROM {DuckDbLogSchema.Entries} {filter.Where} GROUP BY incident_id) g "
                + $"JOIN {DuckDbLogSchema.Strings} s ON s.id = g.incident_id ORDER BY g.n DESC, s.value LIMIT {LogRowText.Limit(query)}",
            r => new IncidentCount(r.GetString(0), r.GetInt64(1)), cancellationToken);
    }

    public Task<IReadOnlyList<HeatmapCell>> HeatmapAsync(LogQuery query, CancellationToken cancellationToken = default)
    {
        return ReadAsync(query, ["(culprit_file IS NOT NULL OR culprit_function IS NOT NULL)"],
            filter => $"SELECT coalesce(sf.value, '') AS f, coalesce(sfn.value, '') AS fn, g.n FROM "
                + $"(SELECT culprit_file, culprit_function, count(*) AS n FROM {DuckDbLogSchema.Entries} {filter.Where} GROUP BY culprit_file, culprit_function) g "
                + $"LEFT JOIN {DuckDbLogSchema.Strings} sf ON sf.id = g.culprit_file LEFT JOIN {DuckDbLogSchema.Strings} sfn ON sfn.id = g.culprit_function "
                + $"ORDER BY g.n DESC, f, fn LIMIT {LogRowText.Limit(query)}",
            r => new HeatmapCell(r.GetString(0), r.GetString(1), r.GetInt64(2)), cancellationToken);
    }

    public Task<IReadOnlyList<LogRow>> TraceAsync(string traceId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(traceId))
            return Task.FromResult<IReadOnlyList<LogRow>>([]);
        var sql = $"WITH hits AS (SELECT * FROM {DuckDbLogSchema.Entries} WHERE trace_id = decode(?)) {TraceSelect}";
        return ReadAsync(sql, [traceId], DuckDbLogRows.Read, cancellationToken);
    }

    public async Task<long> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return Execute($"DELETE FROM {DuckDbLogSchema.Entries} WHERE ts < ?", DuckDbLogFilter.ToTimestamp(cutoff));
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return Scalar<long?>($"SELECT count(*) FROM {DuckDbLogSchema.Entries}") ?? 0;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _rows.Dispose();
            await _connection.DisposeAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads with the query's filter, built under the gate because it looks up the ids of filtered text.</summary>
    private async Task<IReadOnlyList<T>> ReadAsync<T>(LogQuery query, string[] extra, Func<DuckDbLogFilter, string> sql, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var filter = DuckDbLogFilter.From(query, IdOf, extra);
            return Read(sql(filter), filter.Parameters, map);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IReadOnlyList<T>> ReadAsync<T>(string sql, List<object?> parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return Read(sql, parameters, map);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The id of stored text; -1, which no entry holds, when it was never stored.</summary>
    private int IdOf(string value) => Scalar<int?>($"SELECT id FROM {DuckDbLogSchema.Strings} WHERE value = decode(?)", value) ?? -1;

    private List<T> Read<T>(string sql, List<object?> parameters, Func<DbDataReader, T> map)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var result = new List<T>();
        while (reader.Read())
            result.Add(map(reader));
        return result;
    }

    private int Execute(string sql, params object?[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    private T? Scalar<T>(string sql, params object?[] parameters)
    {
        using var command = Command(sql, parameters);
        var value = command.ExecuteScalar();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>A command whose text parameters go in as UTF-8 blobs (the SQL reads them with <c>decode(?)</c>), so NUL survives.</summary>
    private DuckDBCommand Command(string sql, IEnumerable<object?> parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in parameters)
            command.Parameters.Add(new DuckDBParameter(value is string text ? Encoding.UTF8.GetBytes(text) : value ?? DBNull.Value));
        return command;
    }
}
