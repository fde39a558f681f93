-- Migration 3: each template miner's state (one per scope: a service or a source), so that incremental runs keep template ids.
CREATE TABLE template_states (
    scope      text        NOT NULL PRIMARY KEY,
    state      bytea       NOT NULL,
    updated_at timestamptz NOT NULL
);
