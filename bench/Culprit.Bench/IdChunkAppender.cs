using System.Text;
using DuckDBConnection = DuckDB.NET.Data.DuckDBConnection;
using DuckDB.NET.Native;

namespace Culprit.Bench;
using Culprit.Storage;
using Culprit.Storage.DuckDb;

/// <summary>
/// Appends log rows through DuckDB's C appender a data chunk (2,048 rows) at a time, writing each column's
/// vector directly. DuckDB.NET's row appender does the same work value by value with a delegate per string,
/// which made it the larger half of an append; this keeps the appender and its transaction semantics and
/// drops that overhead. Strings go in as UTF-8 with their length, so a NUL inside text is kept.
/// </summary>
internal sealed unsafe class IdChunkAppender : IDisposable
{
    private const int ChunkRows = 2048;
    private const long UnixEpochMicroseconds = 62_135_596_800_000_000;

    private readonly DuckDBAppender _appender;
    private readonly DuckDBLogicalType[] _types;
    private readonly DuckDBDataChunk _chunk;
    private readonly IntPtr[] _vectors;
    private readonly void*[] _data;
    private readonly ulong*[] _validity;
    private readonly DuckDbLogRows _json;
    private byte[] _utf8 = new byte[4096];
    public readonly Dictionary<string, int> Ids = new(StringComparer.Ordinal);
    public bool UseIds;

    public IdChunkAppender(DuckDBConnection connection, string table, DuckDbLogRows json)
    {
        _json = json;
        if (NativeMethods.Appender.DuckDBAppenderCreate(connection.NativeConnection, null, table, out _appender) != DuckDBState.Success)
            throw new InvalidOperationException($"DuckDB could not open an appender on {table}: {Error()}");
        var columns = (int)NativeMethods.Appender.DuckDBAppenderColumnCount(_appender);
        if (columns != DuckDbLogSchema.ColumnCount && false)
            throw new InvalidOperationException($"{table} has {columns} columns where {DuckDbLogSchema.ColumnCount} were expected; is the store from another version?");
        _types = new DuckDBLogicalType[columns];
        var handles = new IntPtr[columns];
        for (var i = 0; i < columns; i++)
        {
            _types[i] = NativeMethods.Appender.DuckDBAppenderColumnType(_appender, (ulong)i);
            handles[i] = _types[i].DangerousGetHandle();
        }

        _chunk = NativeMethods.DataChunks.DuckDBCreateDataChunk(handles, (ulong)columns);
        _vectors = new IntPtr[columns];
        _data = new void*[columns];
        _validity = new ulong*[columns];
    }

    /// <summary>Writes the rows; they become part of the connection's open transaction once <see cref="Close"/> flushes them.</summary>
    public void Append(IReadOnlyList<LogRow> rows)
    {
        for (var start = 0; start < rows.Count; start += ChunkRows)
        {
            var count = Math.Min(ChunkRows, rows.Count - start);
            NativeMethods.DataChunks.DuckDBDataChunkReset(_chunk);
            for (var c = 0; c < _vectors.Length; c++)
            {
                _vectors[c] = NativeMethods.DataChunks.DuckDBDataChunkGetVector(_chunk, c);
                _data[c] = NativeMethods.Vectors.DuckDBVectorGetData(_vectors[c]);
                _validity[c] = null;
            }

            for (var k = 0; k < count; k++)
                Write(rows[start + k], k);
            NativeMethods.DataChunks.DuckDBDataChunkSetSize(_chunk, (ulong)count);
            if (NativeMethods.Appender.DuckDBAppendDataChunk(_appender, _chunk) != DuckDBState.Success)
                throw new InvalidOperationException("DuckDB refused a chunk of log rows: " + Error());
        }
    }

    /// <summary>Flushes what was appended into the transaction; throws with DuckDB's reason when it cannot.</summary>
    public void Close()
    {
        if (NativeMethods.Appender.DuckDBAppenderClose(_appender) != DuckDBState.Success)
            throw new InvalidOperationException("DuckDB could not store the appended log rows: " + Error());
    }

    public void Dispose()
    {
        _chunk.Dispose();
        foreach (var type in _types)
            type.Dispose();
        _appender.Dispose();
    }

    private void Write(LogRow row, int k)
    {
        // Column order of DuckDbLogSchema.Columns.
        Id(0, k, row.Source ?? "", keepEmpty: true);
        Int64(1, k, row.Line);
        Int64(2, k, row.LastLine);
        Int64(3, k, row.ByteOffset);
        if (row.Timestamp is { } ts)
            Int64(4, k, (ts.UtcTicks / TimeSpan.TicksPerMillisecond * 1000) - UnixEpochMicroseconds);
        else
            Null(4, k);
        ((byte*)_data[5])[k] = (byte)row.Level;
        Id(6, k, row.Service);
        Id(7, k, row.Environment);
        Id(8, k, row.Version);
        Id(9, k, row.CommitSha);
        Id(10, k, row.Logger);
        Id(11, k, row.Thread);
        Text(12, k, row.Message ?? "", keepEmpty: true);
        Id(13, k, row.TemplateId);
        Utf8(14, k, _json.ParametersJson(row.TemplateParameters));
        Id(15, k, row.ExceptionType);
        Id(16, k, row.ExceptionJson);
        Id(17, k, row.IncidentId);
        Id(18, k, row.CulpritFile);
        Id(19, k, row.CulpritFunction);
        Utf8(20, k, _json.AttributesJson(row.Attributes));
        Text(21, k, row.TraceId);
        Text(22, k, row.SpanId);
        Text(23, k, row.RequestId);
        Id(24, k, row.Format ?? "", keepEmpty: true);
        Id(25, k, row.ParseNote);
    }

    private void Id(int column, int k, string? value, bool keepEmpty = false)
    {
        if (!UseIds) { Text(column, k, value, keepEmpty); return; }
        if (value is null || (value.Length == 0 && !keepEmpty)) { Null(column, k); return; }
        if (!Ids.TryGetValue(value, out var id)) Ids[value] = id = Ids.Count + 1;
        ((int*)_data[column])[k] = id;
    }

    private void Int64(int column, int k, long value) => ((long*)_data[column])[k] = value;

    /// <summary>Missing and (unless <paramref name="keepEmpty"/>) empty text is stored as NULL.</summary>
    private void Text(int column, int k, string? value, bool keepEmpty = false)
    {
        if (value is null || (value.Length == 0 && !keepEmpty))
        {
            Null(column, k);
            return;
        }

        if (_utf8.Length < value.Length * 3)
            _utf8 = new byte[Math.Max(value.Length * 3, _utf8.Length * 2)];
        var length = Encoding.UTF8.GetBytes(value, _utf8);
        Assign(column, k, _utf8.AsSpan(0, length));
    }

    /// <summary>Text already in UTF-8; empty is stored as NULL.</summary>
    private void Utf8(int column, int k, ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
            Null(column, k);
        else
            Assign(column, k, value);
    }

    private void Assign(int column, int k, ReadOnlySpan<byte> value)
    {
        fixed (byte* bytes = value)
        {
            // Encoding.UTF8 and Utf8JsonWriter only produce valid UTF-8 (lone surrogates become U+FFFD), so DuckDB need not check it again.
            NativeMethods.Vectors.DuckDBUnsafeVectorAssignStringElementLength(_vectors[column], (ulong)k, bytes, value.Length);
        }
    }

    private void Null(int column, int k)
    {
        var validity = _validity[column];
        if (validity is null)
        {
            NativeMethods.Vectors.DuckDBVectorEnsureValidityWritable(_vectors[column]);
            validity = _validity[column] = NativeMethods.Vectors.DuckDBVectorGetValidity(_vectors[column]);
        }

        validity[k >> 6] &= ~(1UL << (k & 63));
    }

    private string Error()
    {
        using var error = NativeMethods.Appender.DuckDBAppenderErrorData(_appender);
        return error.HasError ? error.Message ?? "unknown error" : "unknown error";
    }
}
