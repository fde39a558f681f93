using System.Text;

namespace Culprit.Storage.DuckDb;

/// <summary>The DuckDB log store's tables, as numbered migrations.</summary>
internal static class DuckDbLogSchema
{
    public const string Entries = "log_entries";

    public const string Strings = "log_strings";

    /// <summary>
    /// The columns of <see cref="Entries"/> in table order: the appender fills them in exactly this order,
    /// and reads select them in this order too. Template parameters (a JSON array) and attributes (a JSON
    /// object) are JSON text, which DuckDB's JSON functions read.
    /// </summary>
    public const string Columns =
        "source, line, last_line, byte_offset, ts, level, service, environment, version, commit_sha, logger, thread, "
        + "message, template_id, template_parameters, exception_type, exception_json, incident_id, culprit_file, "
        + "culprit_function, attributes, trace_id, span_id, request_id, format, parse_note";

    public const int ColumnCount = 26;

    /// <summary>
    /// Columns whose values repeat (a few hundred or thousand distinct values over millions of entries): since
    /// version 2 an entry holds the INTEGER id of the text in <see cref="Strings"/>. Compressing an integer column
    /// costs DuckDB a fraction of a text column, which halves the work of storing an entry.
    /// </summary>
    public static readonly IReadOnlyList<string> DictionaryColumns =
    [
        "service", "environment", "version", "commit_sha", "logger", "thread", "template_id", "exception_type",
        "exception_json", "incident_id", "culprit_file", "culprit_function", "format", "parse_note",
    ];

    /// <summary>
    /// The entries of the common table expression <c>hits</c> (every column of <see cref="Entries"/>) with their
    /// text put back, in <see cref="Columns"/> order; <paramref name="orderBy"/> refers to <c>h</c>.
    /// </summary>
    public static string SelectHits(string orderBy)
    {
        var select = new StringBuilder("SELECT ");
        var joins = new StringBuilder();
        var first = true;
        foreach (var column in Columns.Split(", "))
        {
            select.Append(first ? "" : ", ");
            first = false;
            if (DictionaryColumns.Contains(column))
            {
                select.Append("s_").Append(column).Append(".value");
                joins.Append($" LEFT JOIN {Strings} s_{column} ON s_{column}.id = h.{column}");
            }
            else
            {
                select.Append("h.").Append(column);
            }
        }

        return $"{select} FROM hits h{joins} ORDER BY {orderBy}";
    }

    public static readonly IReadOnlyList<LogStoreMigration> Migrations =
    [
        new(1, "log entries and per-source high-water marks",
        [
            $"""
            CREATE TABLE {Entries} (
                source VARCHAR NOT NULL,
                line BIGINT NOT NULL,
                last_line BIGINT NOT NULL,
                byte_offset BIGINT NOT NULL,
                ts TIMESTAMP,
                level UTINYINT NOT NULL,
                service VARCHAR,
                environment VARCHAR,
                version VARCHAR,
                commit_sha VARCHAR,
                logger VARCHAR,
                thread VARCHAR,
                message VARCHAR NOT NULL,
                template_id VARCHAR,
                template_parameters VARCHAR,
                exception_type VARCHAR,
                exception_json VARCHAR,
                incident_id VARCHAR,
                culprit_file VARCHAR,
                culprit_function VARCHAR,
                attributes VARCHAR,
                trace_id VARCHAR,
                span_id VARCHAR,
                request_id VARCHAR,
                format VARCHAR NOT NULL,
                parse_note VARCHAR
            )
            """,
            // Kept apart from the entries so that retention never moves a source's mark backwards.
            "CREATE TABLE log_sources (source VARCHAR PRIMARY KEY, line BIGINT NOT NULL)",
        ]),
        new(2, "repeated text of entries stored once in log_strings, entries hold its id", DictionaryMigration()),
    ];

    private static List<string> DictionaryMigration()
    {
        var columns = Columns.Split(", ");
        var values = string.Join(", ", DictionaryColumns);
        var select = new StringBuilder("SELECT ");
        var joins = new StringBuilder();
        for (var i = 0; i < columns.Length; i++)
        {
            var column = columns[i];
            select.Append(i == 0 ? "" : ", ");
            if (DictionaryColumns.Contains(column))
            {
                select.Append("s_").Append(column).Append(".id");
                joins.Append($" LEFT JOIN {Strings} s_{column} ON s_{column}.value = e.{column}");
            }
            else
            {
                select.Append("e.").Append(column);
            }
        }

        return
        [
            $"CREATE TABLE {Strings} (id INTEGER PRIMARY KEY, value VARCHAR NOT NULL)",
            $"INSERT INTO {Strings} SELECT (row_number() OVER (ORDER BY value))::INTEGER, value FROM "
                + $"(SELECT DISTINCT unnest([{values}]) AS value FROM {Entries}) WHERE value IS NOT NULL",
            $"""
            CREATE TABLE log_entries_v2 (
                source VARCHAR NOT NULL,
                line BIGINT NOT NULL,
                last_line BIGINT NOT NULL,
                byte_offset BIGINT NOT NULL,
                ts TIMESTAMP,
                level UTINYINT NOT NULL,
                service INTEGER,
                environment INTEGER,
                version INTEGER,
                commit_sha INTEGER,
                logger INTEGER,
                thread INTEGER,
                message VARCHAR NOT NULL,
                template_id INTEGER,
                template_parameters VARCHAR,
                exception_type INTEGER,
                exception_json INTEGER,
                incident_id INTEGER,
                culprit_file INTEGER,
                culprit_function INTEGER,
                attributes VARCHAR,
                trace_id VARCHAR,
                span_id VARCHAR,
                request_id VARCHAR,
                format INTEGER NOT NULL,
                parse_note INTEGER
            )
            """,
            $"INSERT INTO log_entries_v2 {select} FROM {Entries} e{joins}",
            $"DROP TABLE {Entries}",
            $"ALTER TABLE log_entries_v2 RENAME TO {Entries}",
        ];
    }
}
