-- Migration 6: what the feedback, saved-query, user/key/audit and job stores look things up by.
-- A job's dedupe key now holds only while the job is pending (queued or running): a finished job releases it,
-- so the same work can be asked for again. SQLite cannot drop a column constraint, so jobs is rebuilt.
CREATE TABLE jobs_new (
    id               TEXT PRIMARY KEY,
    kind             TEXT NOT NULL,
    payload          TEXT NOT NULL CHECK (json_valid(payload)),
    dedupe_key       TEXT,
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
INSERT INTO jobs_new SELECT id, kind, payload, dedupe_key, status, priority, run_after, lease_owner, lease_expires_at,
    attempts, max_attempts, last_error, created_at, updated_at, finished_at FROM jobs;
DROP TABLE jobs;
ALTER TABLE jobs_new RENAME TO jobs;
CREATE INDEX jobs_queued ON jobs (priority DESC, run_after) WHERE status = 'queued';
CREATE INDEX jobs_leases ON jobs (lease_expires_at) WHERE status = 'running';
CREATE UNIQUE INDEX jobs_pending_dedupe ON jobs (dedupe_key) WHERE status IN ('queued', 'running');

-- A saved query's name is unique per owner (queries without an owner share one namespace).
CREATE UNIQUE INDEX saved_queries_owner_name ON saved_queries (coalesce(owner_id, ''), name);
CREATE INDEX api_keys_user ON api_keys (user_id);
CREATE INDEX audit_log_actor ON audit_log (actor, at);
