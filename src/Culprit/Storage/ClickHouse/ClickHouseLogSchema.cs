namespace Culprit.Storage.ClickHouse;

/// <summary>
/// The ClickHouse log store's tables, as numbered migrations, in SQL that 18.16 accepts: DateTime with
/// milliseconds in their own column (no DateTime64), arrays for attributes (no Map), no skipping indexes,
/// no LowCardinality. <c>{db}</c> stands for the quoted database name.
/// </summary>
internal static class ClickHouseLogSchema
{
    /// <summary>The columns an insert fills, in the order <see cref="ClickHouseLogRows.Write"/> writes them.</summary>
    public const string InsertColumns =
        "service, timestamp, millis, has_time, source, line, last_line, byte_offset, level, environment, version, commit_sha, "
        + "logger, thread, message, template_id, template_parameters, exception_type, exception_json, incident_id, "
        + "culprit_file, culprit_function, attribute_keys, attribute_values, trace_id, span_id, request_id, format, parse_note";

    /// <summary>The columns a read selects, in the order <see cref="ClickHouseLogRows.Read"/> expects (times as numbers).</summary>
    public const string SelectColumns =
        "service, toUInt32(timestamp) AS seconds, millis, has_time, source, line, last_line, byte_offset, level, environment, version, commit_sha, "
        + "logger, thread, message, template_id, template_parameters, exception_type, exception_json, incident_id, "
        + "culprit_file, culprit_function, attribute_keys, attribute_values, trace_id, span_id, request_id, format, parse_note";

    public static readonly IReadOnlyList<LogStoreMigration> Migrations =
    [
        new(1, "log entries and per-source high-water marks",
        [
            """
            CREATE TABLE IF NOT EXISTS {db}.log_entries (
                service String,
                timestamp DateTime('UTC'),
                millis UInt16,
                has_time UInt8,
                source String,
                line Int64,
                last_line Int64,
                byte_offset Int64,
                level UInt8,
                environment String,
                version String,
                commit_sha String,
                logger String,
                thread String,
                message String,
                template_id String,
                template_parameters Array(String),
                exception_type String,
                exception_json String,
                incident_id String,
                culprit_file String,
                culprit_function String,
                attribute_keys Array(String),
                attribute_values Array(String),
                trace_id String,
                span_id String,
                request_id String,
                format String,
                parse_note String
            ) ENGINE = MergeTree() PARTITION BY toYYYYMM(timestamp) ORDER BY (service, timestamp)
            """,
            // One row per append and source, written after the entries; merges keep the highest line.
            "CREATE TABLE IF NOT EXISTS {db}.log_sources (source String, line Int64) ENGINE = ReplacingMergeTree(line) ORDER BY source",
        ]),
    ];
}
