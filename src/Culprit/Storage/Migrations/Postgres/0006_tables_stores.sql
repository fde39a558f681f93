-- Migration 6: what the feedback, saved-query, user/key/audit and job stores look things up by.
-- A job's dedupe key now holds only while the job is pending (queued or running): a finished job releases it,
-- so the same work can be asked for again.
ALTER TABLE jobs DROP CONSTRAINT jobs_dedupe_key_key;
CREATE UNIQUE INDEX jobs_pending_dedupe ON jobs (dedupe_key) WHERE status IN ('queued', 'running');

-- A saved query's name is unique per owner (queries without an owner share one namespace).
CREATE UNIQUE INDEX saved_queries_owner_name ON saved_queries (coalesce(owner_id, ''), name);
CREATE INDEX api_keys_user ON api_keys (user_id);
CREATE INDEX audit_log_actor ON audit_log (actor, at);
