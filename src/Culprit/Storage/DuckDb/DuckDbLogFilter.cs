using System.Text;

namespace Culprit.Storage.DuckDb;

/// <summary>
/// A <see cref="LogQuery"/> as a DuckDB WHERE clause with positional parameters. Text parameters are bound as
/// UTF-8 blobs and turned back into text with <c>decode(?)</c>: DuckDB.NET binds strings NUL-terminated. Dictionary
/// columns are compared with the id of the text, looked up before the query: a subquery in its place kept DuckDB
/// from filtering the scan (a search by service took 500 ms instead of 20).
/// </summary>
internal sealed class DuckDbLogFilter
{
    private DuckDbLogFilter(string where, List<object?> parameters)
    {
        Where = where;
        Parameters = parameters;
    }

    /// <summary>The clause, starting with <c>WHERE</c>, or empty when nothing is filtered.</summary>
    public string Where { get; }

    public List<object?> Parameters { get; }

    /// <param name="extra">Conditions the query itself adds (no parameters), such as <c>ts IS NOT NULL</c>.</param>
    /// <param name="idOf">The id of stored text in a dictionary column (-1 when it was never stored).</param>
    public static DuckDbLogFilter From(LogQuery query, Func<string, int> idOf, params string[] extra)
    {
        var conditions = new List<string>(extra);
        var parameters = new List<object?>();

        void Add(string condition, object? value)
        {
            conditions.Add(condition);
            parameters.Add(value);
        }

        foreach (var word in LogRowText.SearchWords(query.Text))
            Add("contains(lower(message), lower(decode(?)))", word);
        if (LogRowText.NullIfEmpty(query.Service) is { } service)
            Add("service = ?", idOf(service));
        if (LogRowText.NullIfEmpty(query.Environment) is { } environment)
            Add("environment = ?", idOf(environment));
        if (query.MinLevel is { } level)
            Add("level >= ?", (byte)level);
        if (query.From is { } from)
            Add("ts >= ?", ToTimestamp(from));
        if (query.To is { } to)
            Add("ts < ?", ToTimestamp(to));
        if (LogRowText.NullIfEmpty(query.IncidentId) is { } incident)
            Add("incident_id = ?", idOf(incident));
        if (LogRowText.NullIfEmpty(query.TraceId) is { } trace)
            Add("trace_id = decode(?)", trace);
        if (LogRowText.NullIfEmpty(query.RequestId) is { } request)
            Add("request_id = decode(?)", request);

        if (conditions.Count == 0)
            return new DuckDbLogFilter("", parameters);
        var where = new StringBuilder("WHERE ");
        for (var i = 0; i < conditions.Count; i++)
        {
            if (i > 0)
                where.Append(" AND ");
            where.Append(conditions[i]);
        }

        return new DuckDbLogFilter(where.ToString(), parameters);
    }

    /// <summary>A UTC instant as DuckDB's TIMESTAMP (no zone), kept to the millisecond like every stored time.</summary>
    public static DateTime ToTimestamp(DateTimeOffset value) =>
        DateTime.SpecifyKind(LogRowText.ToStoredPrecision(value).UtcDateTime, DateTimeKind.Unspecified);
}
