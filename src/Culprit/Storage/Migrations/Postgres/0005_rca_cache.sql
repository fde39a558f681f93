-- Migration 5: the RCA cache key. An analysis is reused for the same incident, version, engine (e.g.
-- openai:gpt-4o-mini) and prompt version; a new prompt or model makes a new analysis.
ALTER TABLE rca_results ADD COLUMN prompt_version text NOT NULL DEFAULT '';
CREATE INDEX rca_results_cache ON rca_results (incident_id, engine, prompt_version, version, created_at DESC);
