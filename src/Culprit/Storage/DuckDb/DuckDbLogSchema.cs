namespace Culprit.Storage.DuckDb;

/// <summary>The DuckDB log store's tables, as numbered migrations.</summary>
internal static class DuckDbLogSchema
{
    public const string Entries = "log_entries";

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
    ];
}
