-- Migration 1: every table of the incident store. Times are INTEGER microseconds since the Unix epoch (UTC),
-- read with datetime(x / 1000000, 'unixepoch'); JSON is TEXT checked with json_valid; lists that PostgreSQL keeps
-- in arrays are child tables (services, versions) or JSON arrays.

-- Incidents (the brief's clusters), keyed by id and unique by static fingerprint.
CREATE TABLE incidents (
    id                       TEXT PRIMARY KEY,
    fingerprint              TEXT NOT NULL UNIQUE,
    grouping_version         TEXT NOT NULL,
    basis                    TEXT NOT NULL,
    title                    TEXT NOT NULL,
    fingerprint_semantic     BLOB,                   -- signature vector (float32 little-endian)
    culprit                  TEXT CHECK (json_valid(culprit)),
    representative_id        TEXT NOT NULL,          -- source:line of the representative occurrence
    representative_message   TEXT NOT NULL,
    representative_exception TEXT CHECK (json_valid(representative_exception)),
    count                    INTEGER NOT NULL DEFAULT 0,
    first_seen               INTEGER,
    last_seen                INTEGER,
    status                   TEXT NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'investigating', 'resolved', 'regressed', 'ignored')),
    status_changed_at        INTEGER,
    created_at               INTEGER NOT NULL,
    updated_at               INTEGER NOT NULL
) STRICT;
-- The triage list: open incidents, largest first.
CREATE INDEX incidents_open ON incidents (count DESC, last_seen DESC) WHERE status NOT IN ('resolved', 'ignored');
CREATE INDEX incidents_last_seen ON incidents (last_seen DESC);

CREATE TABLE incident_services (
    incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    service     TEXT NOT NULL,
    PRIMARY KEY (incident_id, service)
) STRICT, WITHOUT ROWID;
CREATE INDEX incident_services_service ON incident_services (service);

CREATE TABLE incident_versions (
    incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    version     TEXT NOT NULL,
    PRIMARY KEY (incident_id, version)
) STRICT, WITHOUT ROWID;

-- Every occurrence once, by where it was read; the sample may be cleared by retention.
CREATE TABLE occurrences (
    source      TEXT NOT NULL,
    line        INTEGER NOT NULL,
    incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    ts          INTEGER,
    service     TEXT,
    version     TEXT,
    trace_id    TEXT,
    sample      TEXT,
    PRIMARY KEY (source, line)
) STRICT;
CREATE INDEX occurrences_incident ON occurrences (incident_id, ts);
CREATE INDEX occurrences_trace ON occurrences (trace_id) WHERE trace_id IS NOT NULL;

CREATE TABLE incident_hourly_counts (
    incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    hour        INTEGER NOT NULL,
    count       INTEGER NOT NULL,
    PRIMARY KEY (incident_id, hour)
) STRICT, WITHOUT ROWID;

CREATE TABLE status_history (
    id          INTEGER PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    from_status TEXT NOT NULL,
    to_status   TEXT NOT NULL,
    actor       TEXT,
    note        TEXT,
    changed_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX status_history_incident ON status_history (incident_id, id);

-- Where each source stands, committed with the data it covers.
CREATE TABLE source_checkpoints (
    source      TEXT PRIMARY KEY,
    inode       TEXT,
    byte_offset INTEGER NOT NULL,
    line        INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE deploys (
    id          INTEGER PRIMARY KEY,
    service     TEXT NOT NULL,
    environment TEXT NOT NULL DEFAULT '',
    version     TEXT NOT NULL,
    commit_sha  TEXT,
    deployed_at INTEGER NOT NULL,
    origin      TEXT NOT NULL DEFAULT 'command',      -- command, api or logs
    created_at  INTEGER NOT NULL,
    UNIQUE (service, environment, version, deployed_at)
) STRICT;
CREATE INDEX deploys_service_time ON deploys (service, environment, deployed_at DESC);

-- Root-cause analyses: the brief's columns plus what the report and its cost need.
CREATE TABLE rca_results (
    id                TEXT PRIMARY KEY,
    incident_id       TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    version           TEXT,
    commit_sha        TEXT,
    suspected_file    TEXT,
    suspected_symbol  TEXT,
    line_start        INTEGER,                        -- the brief's line_range
    line_end          INTEGER,
    confidence        REAL,
    reasoning         TEXT,
    parameters        TEXT CHECK (json_valid(parameters)),
    evidence          TEXT CHECK (json_valid(evidence)),
    fix_suggestions   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(fix_suggestions)),
    tests_to_add      TEXT CHECK (json_valid(tests_to_add)),
    engine            TEXT NOT NULL,                  -- heuristic or llm
    model             TEXT,
    prompt_tokens     INTEGER NOT NULL DEFAULT 0,
    completion_tokens INTEGER NOT NULL DEFAULT 0,
    cost_usd          REAL NOT NULL DEFAULT 0,
    fallback_reason   TEXT,
    report            TEXT NOT NULL CHECK (json_valid(report)),
    created_at        INTEGER NOT NULL
) STRICT;
CREATE INDEX rca_results_incident ON rca_results (incident_id, version, created_at DESC);

CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    email         TEXT,
    role          TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
    password_hash TEXT,
    created_at    INTEGER NOT NULL,
    disabled_at   INTEGER
) STRICT;

CREATE TABLE feedback (
    id         TEXT PRIMARY KEY,
    rca_id     TEXT NOT NULL REFERENCES rca_results (id) ON DELETE CASCADE,
    user_id    TEXT,
    verdict    TEXT NOT NULL CHECK (verdict IN ('accept', 'reject', 'partially_correct')),
    notes      TEXT,
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX feedback_rca ON feedback (rca_id);

-- Only a hash of each key is kept; the prefix lets a user recognise a key in a list.
CREATE TABLE api_keys (
    id           TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    prefix       TEXT NOT NULL,
    key_hash     BLOB NOT NULL UNIQUE,
    role         TEXT CHECK (role IN ('viewer', 'analyst', 'admin')),
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER,
    expires_at   INTEGER,
    revoked_at   INTEGER
) STRICT;

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    actor       TEXT,                                 -- user or api key id
    action      TEXT NOT NULL,
    target_kind TEXT,
    target_id   TEXT,
    details     TEXT CHECK (json_valid(details)),
    client_ip   TEXT
) STRICT;
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TABLE saved_queries (
    id         TEXT PRIMARY KEY,
    owner_id   TEXT REFERENCES users (id) ON DELETE SET NULL,
    name       TEXT NOT NULL,
    query      TEXT NOT NULL CHECK (json_valid(query)),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

-- Background work; embedded runs have one process, so a lease is a plain update in a write transaction.
CREATE TABLE jobs (
    id               TEXT PRIMARY KEY,
    kind             TEXT NOT NULL,
    payload          TEXT NOT NULL CHECK (json_valid(payload)),
    dedupe_key       TEXT UNIQUE,                     -- one pending job per key, e.g. rca:<incident>:<version>
    status           TEXT NOT NULL DEFAULT 'queued'
        CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
    priority         INTEGER NOT NULL DEFAULT 0,
    run_after        INTEGER NOT NULL,
    lease_owner      TEXT,
    lease_expires_at INTEGER,
    attempts         INTEGER NOT NULL DEFAULT 0,
    max_attempts     INTEGER NOT NULL DEFAULT 5,
    last_error       TEXT,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    finished_at      INTEGER
) STRICT;
CREATE INDEX jobs_queued ON jobs (priority DESC, run_after) WHERE status = 'queued';
CREATE INDEX jobs_leases ON jobs (lease_expires_at) WHERE status = 'running';

-- Code index metadata. Files are kept by content (path + blob), so commits share unchanged files and
-- indexing a new commit parses only what changed.
CREATE TABLE repositories (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE,
    url            TEXT,
    default_branch TEXT,
    created_at     INTEGER NOT NULL
) STRICT;

CREATE TABLE code_files (
    id            INTEGER PRIMARY KEY,
    repository_id TEXT NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    path          TEXT NOT NULL,
    blob_sha      TEXT NOT NULL,
    language      TEXT,
    size_bytes    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (repository_id, path, blob_sha)
) STRICT;

CREATE TABLE indexed_commits (
    repository_id TEXT NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    commit_sha    TEXT NOT NULL,
    indexed_at    INTEGER NOT NULL,
    embedder      TEXT,
    file_count    INTEGER NOT NULL DEFAULT 0,
    symbol_count  INTEGER NOT NULL DEFAULT 0,
    chunk_count   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (repository_id, commit_sha)
) STRICT;

CREATE TABLE commit_files (
    repository_id TEXT NOT NULL,
    commit_sha    TEXT NOT NULL,
    file_id       INTEGER NOT NULL REFERENCES code_files (id) ON DELETE CASCADE,
    PRIMARY KEY (repository_id, commit_sha, file_id),
    FOREIGN KEY (repository_id, commit_sha) REFERENCES indexed_commits (repository_id, commit_sha) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE INDEX commit_files_file ON commit_files (file_id);

CREATE TABLE code_symbols (
    id             INTEGER PRIMARY KEY,
    file_id        INTEGER NOT NULL REFERENCES code_files (id) ON DELETE CASCADE,
    parent_id      INTEGER REFERENCES code_symbols (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,                     -- function, method, class …
    name           TEXT NOT NULL,
    qualified_name TEXT NOT NULL,
    signature      TEXT,
    doc            TEXT,
    start_line     INTEGER NOT NULL,
    end_line       INTEGER NOT NULL,
    calls          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(calls))  -- the brief's dependencies
) STRICT;
CREATE INDEX code_symbols_file_lines ON code_symbols (file_id, start_line);
CREATE INDEX code_symbols_name ON code_symbols (qualified_name);

CREATE TABLE code_chunks (
    id           INTEGER PRIMARY KEY,
    file_id      INTEGER NOT NULL REFERENCES code_files (id) ON DELETE CASCADE,
    symbol_id    INTEGER REFERENCES code_symbols (id) ON DELETE CASCADE,
    start_line   INTEGER NOT NULL,
    end_line     INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    content      TEXT NOT NULL,
    model        TEXT,
    dimensions   INTEGER,
    embedding    BLOB                                 -- float32 little-endian
) STRICT;
CREATE INDEX code_chunks_file ON code_chunks (file_id, start_line);
