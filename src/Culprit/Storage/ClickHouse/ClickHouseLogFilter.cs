using System.Text;

namespace Culprit.Storage.ClickHouse;

/// <summary>A <see cref="LogQuery"/> as a ClickHouse WHERE clause, every value an escaped literal.</summary>
internal static class ClickHouseLogFilter
{
    /// <summary>The clause, starting with <c>WHERE</c>, or empty when nothing is filtered.</summary>
    /// <param name="extra">Conditions the query itself adds, such as <c>has_time = 1</c>.</param>
    public static string Where(LogQuery query, params string[] extra)
    {
        var conditions = new List<string>(extra);
        foreach (var word in LogRowText.SearchWords(query.Text))
            conditions.Add($"positionCaseInsensitiveUTF8(message, {ClickHouseSql.Quote(word)}) > 0");
        if (LogRowText.NullIfEmpty(query.Service) is { } service)
            conditions.Add($"service = {ClickHouseSql.Quote(service)}");
        if (LogRowText.NullIfEmpty(query.Environment) is { } environment)
            conditions.Add($"environment = {ClickHouseSql.Quote(environment)}");
        if (query.MinLevel is { } level)
            conditions.Add($"level >= {ClickHouseSql.Number((int)level)}");
        if (query.From is not null || query.To is not null)
            conditions.Add("has_time = 1");
        if (query.From is { } from)
        {
            var (seconds, millis) = Split(from);
            // The first half lets the primary key skip granules; the second is exact to the millisecond.
            conditions.Add($"timestamp >= toDateTime({seconds}) AND (timestamp > toDateTime({seconds}) OR millis >= {millis})");
        }

        if (query.To is { } to)
        {
            var (seconds, millis) = Split(to);
            conditions.Add($"timestamp <= toDateTime({seconds}) AND (timestamp < toDateTime({seconds}) OR millis < {millis})");
        }

        if (LogRowText.NullIfEmpty(query.IncidentId) is { } incident)
            conditions.Add($"incident_id = {ClickHouseSql.Quote(incident)}");
        if (LogRowText.NullIfEmpty(query.TraceId) is { } trace)
            conditions.Add($"trace_id = {ClickHouseSql.Quote(trace)}");
        if (LogRowText.NullIfEmpty(query.RequestId) is { } request)
            conditions.Add($"request_id = {ClickHouseSql.Quote(request)}");

        if (conditions.Count == 0)
            return "";
        var where = new StringBuilder("WHERE ");
        for (var i = 0; i < conditions.Count; i++)
        {
            if (i > 0)
                where.Append(" AND ");
            where.Append('(').Append(conditions[i]).Append(')');
        }

        return where.ToString();
    }

    /// <summary>Whole seconds and milliseconds of an instant, clamped to what DateTime holds (1970 to 2106).</summary>
    public static (string Seconds, string Millis) Split(DateTimeOffset value)
    {
        var ms = Math.Clamp(value.ToUnixTimeMilliseconds(), 0, (uint.MaxValue * 1000L) + 999);
        return (ClickHouseSql.Number(ms / 1000), ClickHouseSql.Number(ms % 1000));
    }
}
