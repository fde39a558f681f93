-- Migration 3: each template miner's state (one per scope: a service or a source), so that incremental runs keep template ids.
CREATE TABLE template_states (
    scope      TEXT    NOT NULL PRIMARY KEY,
    state      BLOB    NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;
