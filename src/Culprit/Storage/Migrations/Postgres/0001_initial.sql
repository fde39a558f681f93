-- Migration 1: every table of the incident store. Times are timestamptz (UTC); JSON is jsonb.

-- Incidents (the brief's clusters), keyed by id and unique by static fingerprint.
CREATE TABLE incidents (
    id                       text PRIMARY KEY,
    fingerprint              text NOT NULL UNIQUE,
    grouping_version         text NOT NULL,
    basis                    text NOT NULL,
    title                    text NOT NULL,
    fingerprint_semantic     bytea,                  -- signature vector (float32 little-endian)
    culprit                  jsonb,                  -- the culprit frame
    representative_id        text NOT NULL,          -- source:line of the representative occurrence
    representative_message   text NOT NULL,
    representative_exception jsonb,
    count                    bigint NOT NULL DEFAULT 0,
    first_seen               timestamptz,
    last_seen                timestamptz,
    services                 text[] NOT NULL DEFAULT '{}',
    versions                 text[] NOT NULL DEFAULT '{}',
    status                   text NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'investigating', 'resolved', 'regressed', 'ignored')),
    status_changed_at        timestamptz,
    created_at               timestamptz NOT NULL,
    updated_at               timestamptz NOT NULL
);
-- The triage list: open incidents, largest first.
CREATE INDEX incidents_open ON incidents (count DESC, last_seen DESC NULLS LAST) WHERE status NOT IN ('resolved', 'ignored');
CREATE INDEX incidents_last_seen ON incidents (last_seen DESC);
CREATE INDEX incidents_services ON incidents USING gin (services);

-- Every occurrence once, by where it was read; the sample may be cleared by retention.
CREATE TABLE occurrences (
    source      text NOT NULL,
    line        bigint NOT NULL,
    incident_id text NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    ts          timestamptz,
    service     text,
    version     text,
    trace_id    text,
    sample      text,
    PRIMARY KEY (source, line)
);
CREATE INDEX occurrences_incident ON occurrences (incident_id, ts);
CREATE INDEX occurrences_trace ON occurrences (trace_id) WHERE trace_id IS NOT NULL;

CREATE TABLE incident_hourly_counts (
    incident_id text NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    hour        timestamptz NOT NULL,
    count       bigint NOT NULL,
    PRIMARY KEY (incident_id, hour)
);

CREATE TABLE status_history (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id text NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    from_status text NOT NULL,
    to_status   text NOT NULL,
    actor       text,
    note        text,
    changed_at  timestamptz NOT NULL
);
CREATE INDEX status_history_incident ON status_history (incident_id, id);

-- Where each source stands, committed with the data it covers.
CREATE TABLE source_checkpoints (
    source      text PRIMARY KEY,
    inode       text,
    byte_offset bigint NOT NULL,
    line        bigint NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE deploys (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service     text NOT NULL,
    environment text NOT NULL DEFAULT '',
    version     text NOT NULL,
    commit_sha  text,
    deployed_at timestamptz NOT NULL,
    origin      text NOT NULL DEFAULT 'command',      -- command, api or logs
    created_at  timestamptz NOT NULL,
    UNIQUE (service, environment, version, deployed_at)
);
CREATE INDEX deploys_service_time ON deploys (service, environment, deployed_at DESC);

-- Root-cause analyses: the brief's columns plus what the report and its cost need.
CREATE TABLE rca_results (
    id                text PRIMARY KEY,
    incident_id       text NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    version           text,
    commit_sha        text,
    suspected_file    text,
    suspected_symbol  text,
    line_range        int[],                          -- {start, end}
    confidence        double precision,
    reasoning         text,
    parameters        jsonb,                          -- involved parameters
    evidence          jsonb,                          -- supporting evidence
    fix_suggestions   text[] NOT NULL DEFAULT '{}',
    tests_to_add      jsonb,
    engine            text NOT NULL,                  -- heuristic or llm
    model             text,
    prompt_tokens     integer NOT NULL DEFAULT 0,
    completion_tokens integer NOT NULL DEFAULT 0,
    cost_usd          numeric(12, 6) NOT NULL DEFAULT 0,
    fallback_reason   text,
    report            jsonb NOT NULL,                 -- the whole RcaReport
    created_at        timestamptz NOT NULL
);
CREATE INDEX rca_results_incident ON rca_results (incident_id, version, created_at DESC);

CREATE TABLE users (
    id            text PRIMARY KEY,
    name          text NOT NULL UNIQUE,
    email         text,
    role          text NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
    password_hash text,
    created_at    timestamptz NOT NULL,
    disabled_at   timestamptz
);

CREATE TABLE feedback (
    id         text PRIMARY KEY,
    rca_id     text NOT NULL REFERENCES rca_results (id) ON DELETE CASCADE,
    user_id    text,
    verdict    text NOT NULL CHECK (verdict IN ('accept', 'reject', 'partially_correct')),
    notes      text,
    created_at timestamptz NOT NULL
);
CREATE INDEX feedback_rca ON feedback (rca_id);

-- Only a hash of each key is kept; the prefix lets a user recognise a key in a list.
CREATE TABLE api_keys (
    id           text PRIMARY KEY,
    user_id      text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         text NOT NULL,
    prefix       text NOT NULL,
    key_hash     bytea NOT NULL UNIQUE,
    role         text CHECK (role IN ('viewer', 'analyst', 'admin')),
    created_at   timestamptz NOT NULL,
    last_used_at timestamptz,
    expires_at   timestamptz,
    revoked_at   timestamptz
);

CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor       text,                                 -- user or api key id
    action      text NOT NULL,
    target_kind text,
    target_id   text,
    details     jsonb,
    client_ip   text
);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TABLE saved_queries (
    id         text PRIMARY KEY,
    owner_id   text REFERENCES users (id) ON DELETE SET NULL,
    name       text NOT NULL,
    query      jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

-- Work leased by `culprit worker` processes (FOR UPDATE SKIP LOCKED).
CREATE TABLE jobs (
    id               text PRIMARY KEY,
    kind             text NOT NULL,
    payload          jsonb NOT NULL,
    dedupe_key       text UNIQUE,                     -- one pending job per key, e.g. rca:<incident>:<version>
    status           text NOT NULL DEFAULT 'queued'
        CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
    priority         integer NOT NULL DEFAULT 0,
    run_after        timestamptz NOT NULL,
    lease_owner      text,
    lease_expires_at timestamptz,
    attempts         integer NOT NULL DEFAULT 0,
    max_attempts     integer NOT NULL DEFAULT 5,
    last_error       text,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    finished_at      timestamptz
);
CREATE INDEX jobs_queued ON jobs (priority DESC, run_after) WHERE status = 'queued';
CREATE INDEX jobs_leases ON jobs (lease_expires_at) WHERE status = 'running';

-- Code index metadata. Files are kept by content (path + blob), so commits share unchanged files and
-- indexing a new commit parses only what changed.
CREATE TABLE repositories (
    id             text PRIMARY KEY,
    name           text NOT NULL UNIQUE,
    url            text,
    default_branch text,
    created_at     timestamptz NOT NULL
);

CREATE TABLE code_files (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    repository_id text NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    path          text NOT NULL,
    blob_sha      text NOT NULL,
    language      text,
    size_bytes    bigint NOT NULL DEFAULT 0,
    UNIQUE (repository_id, path, blob_sha)
);

CREATE TABLE indexed_commits (
    repository_id text NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    commit_sha    text NOT NULL,
    indexed_at    timestamptz NOT NULL,
    embedder      text,
    file_count    integer NOT NULL DEFAULT 0,
    symbol_count  integer NOT NULL DEFAULT 0,
    chunk_count   integer NOT NULL DEFAULT 0,
    PRIMARY KEY (repository_id, commit_sha)
);

CREATE TABLE commit_files (
    repository_id text NOT NULL,
    commit_sha    text NOT NULL,
    file_id       bigint NOT NULL REFERENCES code_files (id) ON DELETE CASCADE,
    PRIMARY KEY (repository_id, commit_sha, file_id),
    FOREIGN KEY (repository_id, commit_sha) REFERENCES indexed_commits (repository_id, commit_sha) ON DELETE CASCADE
);
CREATE INDEX commit_files_file ON commit_files (file_id);

CREATE TABLE code_symbols (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_id        bigint NOT NULL REFERENCES code_files (id) ON DELETE CASCADE,
    parent_id      bigint REFERENCES code_symbols (id) ON DELETE CASCADE,
    kind           text NOT NULL,                     -- function, method, class …
    name           text NOT NULL,
    qualified_name text NOT NULL,
    signature      text,
    doc            text,
    start_line     integer NOT NULL,
    end_line       integer NOT NULL,
    calls          text[] NOT NULL DEFAULT '{}'       -- the brief's dependencies
);
CREATE INDEX code_symbols_file_lines ON code_symbols (file_id, start_line);
CREATE INDEX code_symbols_name ON code_symbols (qualified_name);

CREATE TABLE code_chunks (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_id      bigint NOT NULL REFERENCES code_files (id) ON DELETE CASCADE,
    symbol_id    bigint REFERENCES code_symbols (id) ON DELETE CASCADE,
    start_line   integer NOT NULL,
    end_line     integer NOT NULL,
    content_hash text NOT NULL,
    content      text NOT NULL,
    model        text,
    dimensions   integer,
    embedding    bytea                                -- float32 little-endian
);
CREATE INDEX code_chunks_file ON code_chunks (file_id, start_line);
