-- Migration 2: the retention sweep clears old samples; this index finds them without scanning every occurrence.
CREATE INDEX occurrences_sampled_ts ON occurrences (ts) WHERE sample IS NOT NULL;
